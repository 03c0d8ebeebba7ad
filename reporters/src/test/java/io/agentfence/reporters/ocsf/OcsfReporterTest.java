package io.agentfence.reporters.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.agentfence.finding.Status;
import io.agentfence.reporters.JsonSupport;
import io.agentfence.reporters.SampleReports;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OcsfReporterTest {
  /** OCSF 1.6.0 compliance_finding with the cloud profile, compiled from the OCSF schema repository. */
  public static final Path SCHEMA_FILE = Path.of("..", "docs", "ocsf", "compliance_finding-1.6.0-cloud.schema.json");

  public static Schema schema() throws Exception {
    try (InputStream in = Files.newInputStream(SCHEMA_FILE)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
    }
  }

  static JsonNode render() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new OcsfReporter().write(SampleReports.report(), out);
    return JsonSupport.MAPPER.readTree(out.toByteArray());
  }

  @Test
  void oneComplianceFindingPerFailOrUnknownResultEachValid() throws Exception {
    JsonNode all = render();
    long expected = SampleReports.findings().stream().filter(f -> f.status() != Status.PASS).count();
    assertThat(all.size()).isEqualTo((int) expected);
    Schema schema = schema();
    for (JsonNode f : all) {
      List<Error> errors = schema.validate(f.toString(), InputFormat.JSON);
      assertThat(errors).as(f.toString()).isEmpty();
      assertThat(f.get("class_uid").asInt()).isEqualTo(2003);
      assertThat(f.get("metadata").get("version").asString()).isEqualTo("1.6.0");
    }
  }

  @Test
  void mapsStatusSeverityResourceControlRemediationAndEvidence() throws Exception {
    List<JsonNode> byRule = new ArrayList<>();
    render().forEach(byRule::add);
    JsonNode egress = byRule.stream().filter(f -> f.get("compliance").get("control").asString().equals("AF-EGR-001"))
        .findFirst().orElseThrow();
    assertThat(egress.get("severity_id").asInt()).isEqualTo(4);
    assertThat(egress.get("compliance").get("status_id").asInt()).isEqualTo(3);
    assertThat(egress.get("resources").get(0).get("uid").asString())
        .isEqualTo("arn:aws:bedrock-agentcore:us-east-1:444455556666:runtime/agent_three-XyZ789");
    assertThat(egress.get("cloud").get("account").get("uid").asString()).isEqualTo("444455556666");
    assertThat(egress.get("cloud").get("region").asString()).isEqualTo("us-east-1");
    assertThat(egress.get("remediation").get("desc").asString()).startsWith("Open the AgentCore console");
    assertThat(egress.get("unmapped").get("evidence").get(4).get("id").asString()).isEqualTo("nat-123");
    JsonNode unknown = byRule.stream().filter(f -> f.get("unmapped").get("agentfence_status").asString().equals("UNKNOWN"))
        .findFirst().orElseThrow();
    assertThat(unknown.get("compliance").get("status_id").asInt()).isZero();
    JsonNode suppressed = byRule.stream().filter(f -> f.get("status_id").asInt() == 3).findFirst().orElseThrow();
    assertThat(suppressed.get("unmapped").get("suppression").get("owner").asString()).isEqualTo("platform-team");
  }

  @Test
  void theSchemaRejectsWhatOcsfDoesNotAllow() throws Exception {
    ObjectNode f = (ObjectNode) render().get(0);
    Schema schema = schema();
    assertThat(schema.validate(f.deepCopy().put("class_uid", 2004).toString(), InputFormat.JSON)).isNotEmpty();
    assertThat(schema.validate(f.deepCopy().put("severity_id", 7).toString(), InputFormat.JSON)).isNotEmpty();
    ObjectNode noCompliance = f.deepCopy();
    noCompliance.remove("compliance");
    assertThat(schema.validate(noCompliance.toString(), InputFormat.JSON)).isNotEmpty();
    assertThat(schema.validate(f.deepCopy().put("resource_arn", "x").toString(), InputFormat.JSON)).isNotEmpty();
  }
}
