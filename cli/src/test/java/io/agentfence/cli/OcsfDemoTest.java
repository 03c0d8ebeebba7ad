package io.agentfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every FAIL and UNKNOWN result of the demo becomes one OCSF 1.6.0 Compliance Finding that validates. */
class OcsfDemoTest {
  @Test
  void demoOcsfValidatesForEveryResult() throws Exception {
    MainTest.Run ocsf = MainTest.run("scan", "--demo", "--format", "ocsf");
    MainTest.Run json = MainTest.run("scan", "--demo", "--format", "json");
    Schema schema;
    try (InputStream in = Files.newInputStream(Path.of("..", "docs", "ocsf", "compliance_finding-1.6.0-cloud.schema.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
    }
    JsonNode findings = ocsf.json();
    int notPass = 0;
    for (JsonNode f : json.json().get("findings")) {
      notPass += f.get("status").asString().equals("PASS") ? 0 : 1;
    }
    assertThat(notPass).isEqualTo(34);
    assertThat(findings.size()).isEqualTo(notPass);
    for (JsonNode f : findings) {
      assertThat(schema.validate(f.toString(), InputFormat.JSON)).as(f.get("finding_info").toString()).isEmpty();
    }
  }
}
