package io.agentfence.reporters.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.agentfence.finding.ScanReport;
import io.agentfence.reporters.JsonSupport;
import io.agentfence.reporters.SampleReports;
import io.agentfence.reporters.compare.Comparison;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonReporterTest {
  /** The published schema, read from the repository's docs (the module runs from reporters/). */
  static final Path SCHEMA_FILE = Path.of("..", "docs", "findings.schema.json");

  static Schema schema() throws Exception {
    try (InputStream in = Files.newInputStream(SCHEMA_FILE)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
    }
  }

  static String json(ScanReport report, Comparison c) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReporter().write(report, c, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void outputValidatesAgainstThePublishedSchema() throws Exception {
    Schema schema = schema();
    for (String json : List.of(json(SampleReports.report(), Comparison.none()),
        json(SampleReports.clean(), Comparison.none()), json(SampleReports.report(), SampleReports.withPrevious()))) {
      List<Error> errors = schema.validate(json, InputFormat.JSON);
      assertThat(errors).as(json).isEmpty();
    }
  }

  @Test
  void schemaRejectsARenamedField() throws Exception {
    String renamed = json(SampleReports.report(), Comparison.none()).replace("\"ruleId\"", "\"rule\"");
    assertThat(schema().validate(renamed, InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void fieldsScriptsDependOn() throws Exception {
    JsonNode root = JsonSupport.MAPPER.readTree(json(SampleReports.report(), Comparison.none()));
    assertThat(root.path("tool").path("name").asString()).isEqualTo("agentfence");
    assertThat(root.path("tool").path("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
    JsonNode summary = root.path("summary");
    assertThat(summary.path("total").asInt()).isEqualTo(SampleReports.findings().size());
    assertThat(summary.path("byStatus").path("PASS").asInt()).isEqualTo(2);
    assertThat(summary.path("byStatus").path("UNKNOWN").asInt()).isEqualTo(2);
    assertThat(summary.path("byStatus").path("FAIL").asInt()).isEqualTo(10);
    assertThat(summary.path("suppressed").asInt()).isEqualTo(1);
    assertThat(summary.path("failing").asInt()).isEqualTo(9);
    assertThat(summary.path("bySeverity").path("CRITICAL").asInt()).isEqualTo(1);
    assertThat(summary.path("bySeverity").path("HIGH").asInt()).isEqualTo(4);
    assertThat(summary.path("complete").asBoolean(true)).isFalse();
    assertThat(summary.path("coverageGaps").asInt()).isEqualTo(1);
    assertThat(root.path("coverage")).hasSize(6);
    JsonNode denied = root.path("coverage").path(1);
    assertThat(denied.path("status").asString()).isEqualTo("DENIED");
    assertThat(denied.path("operation").asString()).isEqualTo("bedrock-agentcore:ListAgentRuntimes");
    JsonNode f = root.path("findings").path(0);
    assertThat(f.path("ruleId").asString()).isEqualTo("AF-NET-001");
    assertThat(f.path("status").asString()).isEqualTo("FAIL");
    assertThat(f.path("severity").asString()).isEqualTo("CRITICAL");
    assertThat(f.path("resource").path("arn").asString())
        .isEqualTo("arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/agent_one-AbC123");
    assertThat(f.path("resource").path("accountId").asString()).isEqualTo("111122223333");
    assertThat(f.path("chain").asString()).isEqualTo("runtime agent_one-AbC123 → version 3 (latest) → networkMode PUBLIC");
    assertThat(f.path("evidence").path(1).path("note").asString()).isEqualTo("latest");
    assertThat(f.path("fingerprint").asString()).hasSize(64);
    assertThat(f.has("baselineState")).isFalse();
    JsonNode suppressed = root.path("findings").path(4);
    assertThat(suppressed.path("suppression").path("owner").asString()).isEqualTo("platform-team");
    assertThat(suppressed.path("suppression").path("expires").asString()).isEqualTo("2027-03-31");
    assertThat(root.has("absentFindings")).isFalse();
  }

  @Test
  void comparisonAddsBaselineStateAndAbsentFindings() throws Exception {
    JsonNode root = JsonSupport.MAPPER.readTree(json(SampleReports.report(), SampleReports.withPrevious()));
    assertThat(root.path("summary").path("comparison").path("new").asInt()).isEqualTo(12);
    assertThat(root.path("summary").path("comparison").path("absent").asInt()).isEqualTo(1);
    assertThat(root.path("absentFindings").path(0).path("resource").path("id").asString()).isEqualTo("deleted-runtime");
    for (JsonNode f : root.path("findings")) {
      assertThat(f.has("baselineState")).isEqualTo(!f.path("status").asString().equals("PASS"));
    }
  }
}
