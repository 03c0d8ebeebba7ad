package io.agentfence.reporters.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Status;
import io.agentfence.reporters.JsonSupport;
import io.agentfence.reporters.ScenarioReports;
import io.agentfence.reporters.compare.Comparison;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SARIF of real rule output (every fixture scenario + our organization) against the official schema. */
class ScenarioSarifTest {
  @Test
  void everyScenarioIsSchemaValid() throws Exception {
    Map<String, ScanReport> reports = ScenarioSarif.reports();
    for (Map.Entry<String, ScanReport> e : reports.entrySet()) {
      for (SarifModel.Log log : new SarifReporter().logs(e.getValue(), Comparison.none())) {
        byte[] json = SarifReporter.bytes(log);
        assertThat(SarifSchema.validate(new String(json, StandardCharsets.UTF_8))).as(e.getKey()).isEmpty();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
          z.write(json);
        }
        long results = log.runs().stream().mapToLong(r -> r.results().size()).sum();
        System.out.printf("SARIF %s: %d runs, %d results, %d rules/run, %d bytes (%d gzipped)%n", e.getKey(),
            log.runs().size(), results, log.runs().get(0).tool().driver().rules().size(), json.length, gz.size());
      }
    }
  }

  @Test
  void organizationSarifCarriesRealRuleOutput() throws Exception {
    ScanReport report = ScenarioReports.organizationReport(false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SarifReporter().write(report, Comparison.none(), out);
    JsonNode log = JsonSupport.MAPPER.readTree(out.toByteArray());
    assertThat(log.path("runs").size()).isEqualTo(3); // two accounts + the organization (suppressions)
    long reportable = report.findings().stream().filter(f -> f.status() != Status.PASS).count();
    long results = 0;
    for (JsonNode run : log.path("runs")) {
      results += run.path("results").size();
    }
    assertThat(results).isEqualTo(reportable).isPositive();
    // The denied region makes the second account's run unsuccessful, with notifications.
    assertThat(log.path("runs").path(2).path("automationDetails").path("id").asString())
        .isEqualTo("agentfence/aws/organization/");
    JsonNode other = log.path("runs").path(1);
    assertThat(other.path("automationDetails").path("id").asString()).isEqualTo("agentfence/aws/333333333333/");
    assertThat(other.path("invocations").path(0).path("executionSuccessful").asBoolean(true)).isFalse();
    assertThat(other.path("invocations").path(0).path("toolExecutionNotifications").size()).isPositive();
    // The accepted risk is a suppressed result; the stale suppression is a finding of AF-SUP-002.
    boolean suppressedPublic = false;
    boolean stale = false;
    for (JsonNode run : log.path("runs")) {
      for (JsonNode r : run.path("results")) {
        if (r.path("ruleId").asString().equals("AF-NET-001") && r.has("suppressions")) {
          suppressedPublic = r.path("properties").path("resourceId").asString().startsWith("public-");
        }
        stale |= r.path("ruleId").asString().equals("AF-SUP-002");
      }
      for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
        assertThat(rule.path("help").path("markdown").asString()).as(rule.path("id").asString()).isNotBlank();
      }
    }
    assertThat(suppressedPublic).isTrue();
    assertThat(stale).isTrue();
  }
}
