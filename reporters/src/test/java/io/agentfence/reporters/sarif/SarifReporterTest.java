package io.agentfence.reporters.sarif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.reporters.JsonSupport;
import io.agentfence.reporters.SampleReports;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.compare.PreviousFinding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class SarifReporterTest {
  private final SarifReporter reporter = new SarifReporter();

  static String sarif(ScanReport report, Comparison comparison) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SarifReporter().write(report, comparison, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static JsonNode tree(String json) {
    return JsonSupport.MAPPER.readTree(json);
  }

  static List<JsonNode> results(JsonNode log) {
    List<JsonNode> out = new ArrayList<>();
    log.path("runs").forEach(run -> run.path("results").forEach(out::add));
    return out;
  }

  @Test
  void richReportIsValidAgainstTheOfficialSchema() throws Exception {
    assertThat(SarifSchema.validate(sarif(SampleReports.report(), Comparison.none()))).isEmpty();
    assertThat(SarifSchema.validate(sarif(SampleReports.clean(), Comparison.none()))).isEmpty();
    assertThat(SarifSchema.validate(sarif(SampleReports.report(), SampleReports.withPrevious()))).isEmpty();
  }

  @Test
  void schemaValidatorCatchesWhatGithubWouldReject() throws Exception {
    // Proves the schema test can fail: an invalid level is reported, not ignored.
    String bad = sarif(SampleReports.report(), Comparison.none()).replaceFirst("\"level\":\"error\"", "\"level\":\"critical\"");
    assertThat(SarifSchema.validate(bad)).isNotEmpty();
  }

  @Test
  void everyResultHasAStablePhysicalLocationLogicalArnAndFingerprint() throws Exception {
    JsonNode log = tree(sarif(SampleReports.report(), Comparison.none()));
    List<JsonNode> results = results(log);
    assertThat(results).isNotEmpty();
    for (JsonNode r : results) {
      JsonNode loc = r.path("locations").path(0);
      String uri = loc.path("physicalLocation").path("artifactLocation").path("uri").asString();
      assertThat(uri).matches("aws/[^/]+/[^/]+/[^/]+/[^/]+");
      assertThat(loc.path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(1);
      assertThat(loc.path("logicalLocations").path(0).path("fullyQualifiedName").asString())
          .isEqualTo(r.path("properties").path("resourceArn").asString()).startsWith("arn:");
      assertThat(r.path("partialFingerprints").path("primaryLocationLineHash").asString()).matches("[0-9a-f]{16}:1");
      assertThat(r.path("message").path("text").asString()).isNotBlank();
    }
    JsonNode rt1 = results.stream().filter(r -> r.path("ruleId").asString().equals("AF-NET-001")
        && r.path("properties").path("status").asString().equals("FAIL")).findFirst().orElseThrow();
    assertThat(rt1.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asString())
        .isEqualTo("aws/111122223333/us-east-1/runtime/agent_one-AbC123");
    JsonNode spaced = results.stream().filter(r -> r.path("properties").path("resourceId").asString()
        .equals("agent two/with space") && r.path("ruleId").asString().equals("AF-NET-001")).findFirst().orElseThrow();
    assertThat(spaced.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asString())
        .isEqualTo("aws/111122223333/eu-west-1/runtime/agent%20two%2Fwith%20space");
    JsonNode org = results.stream().filter(r -> r.path("ruleId").asString().equals("AF-GRD-001")).findFirst().orElseThrow();
    assertThat(org.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asString())
        .isEqualTo("aws/organization/global/guardrail/agentcore-guardrail");
  }

  @Test
  void passIsNotAResultUnknownIsReviewSuppressedCarriesSuppression() throws Exception {
    List<JsonNode> results = results(tree(sarif(SampleReports.report(), Comparison.none())));
    assertThat(results).noneMatch(r -> r.path("properties").path("status").asString().equals("PASS"));
    long expected = SampleReports.findings().stream().filter(f -> f.status() != Status.PASS).count();
    assertThat(results).hasSize((int) expected);
    JsonNode unknown = results.stream().filter(r -> r.path("properties").path("status").asString().equals("UNKNOWN"))
        .findFirst().orElseThrow();
    assertThat(unknown.path("kind").asString()).isEqualTo("review");
    assertThat(unknown.path("level").asString()).isEqualTo("none");
    assertThat(unknown.path("message").path("text").asString()).startsWith("Could not be verified (UNKNOWN)");
    JsonNode fail = results.stream().filter(r -> r.path("ruleId").asString().equals("AF-NET-001")
        && r.path("properties").path("status").asString().equals("FAIL")).findFirst().orElseThrow();
    assertThat(fail.path("kind").asString()).isEqualTo("fail");
    assertThat(fail.path("level").asString()).isEqualTo("error");
    JsonNode suppressed = results.stream().filter(r -> r.has("suppressions")).findFirst().orElseThrow();
    assertThat(suppressed.path("ruleId").asString()).isEqualTo("AF-NET-003");
    JsonNode s = suppressed.path("suppressions").path(0);
    assertThat(s.path("kind").asString()).isEqualTo("external");
    assertThat(s.path("status").asString()).isEqualTo("accepted");
    assertThat(s.path("justification").asString()).isEqualTo("Migration to the landing zone planned in Q1");
    assertThat(s.path("properties").path("owner").asString()).isEqualTo("platform-team");
    assertThat(s.path("properties").path("expires").asString()).isEqualTo("2027-03-31");
    assertThat(results).filteredOn(r -> r.has("suppressions")).hasSize(1);
  }

  @Test
  void evidenceChainTravelsInMessageAndStructuredInProperties() throws Exception {
    JsonNode egress = results(tree(sarif(SampleReports.report(), Comparison.none()))).stream()
        .filter(r -> r.path("ruleId").asString().equals("AF-EGR-001")).findFirst().orElseThrow();
    String chain = "runtime agent_three-XyZ789 → subnet subnet-0a1 → route-table rtb-9 (main) → route 0.0.0.0/0"
        + " → target nat-123 (not the inspection gateway)";
    assertThat(egress.path("message").path("text").asString()).contains("Evidence: " + chain);
    JsonNode evidence = egress.path("properties").path("evidence");
    assertThat(evidence).hasSize(5);
    assertThat(evidence.path(2).path("kind").asString()).isEqualTo("route-table");
    assertThat(evidence.path(2).path("id").asString()).isEqualTo("rtb-9");
    assertThat(evidence.path(2).path("note").asString()).isEqualTo("main");
    // Carried once structured and once rendered; no third and fourth copy.
    assertThat(egress.has("relatedLocations")).isFalse();
    assertThat(egress.path("properties").has("evidenceChain")).isFalse();
  }

  @Test
  void rulesCarryEverythingGithubShows() throws Exception {
    JsonNode log = tree(sarif(SampleReports.report(), Comparison.none()));
    assertThat(log.path("$schema").asString()).endsWith("sarif-2.1.0.json");
    assertThat(log.path("version").asString()).isEqualTo("2.1.0");
    for (JsonNode run : log.path("runs")) {
      JsonNode rules = run.path("tool").path("driver").path("rules");
      assertThat(rules.size()).isGreaterThanOrEqualTo(SampleReports.rules().size());
      for (JsonNode rule : rules) {
        assertThat(rule.path("shortDescription").path("text").asString()).isNotBlank();
        assertThat(rule.path("fullDescription").path("text").asString()).isNotBlank();
        assertThat(rule.path("help").path("text").asString()).isNotBlank();
        assertThat(rule.path("help").path("markdown").asString()).isNotBlank();
        assertThat(rule.path("defaultConfiguration").path("level").asString()).isIn("error", "warning", "note");
        assertThat(rule.path("properties").path("tags")).isNotEmpty();
      }
      // ruleIndex points at the result's rule.
      for (JsonNode r : run.path("results")) {
        assertThat(rules.path(r.path("ruleIndex").asInt()).path("id").asString()).isEqualTo(r.path("ruleId").asString());
      }
    }
    JsonNode net = findRule(log, "AF-NET-001");
    assertThat(net.path("name").asString()).isEqualTo("RuntimeInPublicNetworkMode");
    assertThat(net.path("properties").path("security-severity").asString()).isEqualTo("9.5");
    assertThat(net.path("help").path("markdown").asString()).contains("**Risk.**").contains("```sh")
        .contains("```hcl").contains("https://docs.aws.amazon.com/");
    assertThat(net.path("help").path("text").asString()).contains("Console: ").contains("CLI: ").contains("Terraform: ");
    assertThat(findRule(log, "AF-EGR-001").path("properties").path("security-severity").asString()).isEqualTo("8.0");
    assertThat(findRule(log, "AF-DNS-001").path("defaultConfiguration").path("level").asString()).isEqualTo("warning");
    assertThat(findRule(log, "AF-INFO-001").path("properties").has("security-severity")).isFalse();
    assertThat(findRule(log, "AF-LEGACY-9").path("fullDescription").path("text").asString())
        .contains("not in this version's rule catalogue");
  }

  @Test
  void securitySeverityFallsInGithubsBuckets() {
    // GitHub: > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low; 0 = none.
    assertThat(Severity.CRITICAL.securityScore()).isGreaterThanOrEqualTo(9.1).isLessThanOrEqualTo(10.0);
    assertThat(Severity.HIGH.securityScore()).isBetween(7.0, 8.9);
    assertThat(Severity.MEDIUM.securityScore()).isBetween(4.0, 6.9);
    assertThat(Severity.LOW.securityScore()).isBetween(0.1, 3.9);
    assertThat(Severity.INFO.securityScore()).isZero();
  }

  static JsonNode findRule(JsonNode log, String id) {
    for (JsonNode rule : log.path("runs").path(0).path("tool").path("driver").path("rules")) {
      if (rule.path("id").asString().equals(id)) {
        return rule;
      }
    }
    for (JsonNode run : log.path("runs")) {
      for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
        if (rule.path("id").asString().equals(id)) {
          return rule;
        }
      }
    }
    throw new AssertionError("no rule " + id);
  }

  @Test
  void oneRunPerAccountWithCategoryAndCoverageGapsAsNotifications() throws Exception {
    JsonNode log = tree(sarif(SampleReports.report(), Comparison.none()));
    List<String> ids = new ArrayList<>();
    log.path("runs").forEach(r -> ids.add(r.path("automationDetails").path("id").asString()));
    assertThat(ids).containsExactly("agentfence/aws/111122223333/", "agentfence/aws/444455556666/",
        "agentfence/aws/organization/");
    JsonNode a1 = log.path("runs").path(0).path("invocations").path(0);
    assertThat(a1.path("executionSuccessful").asBoolean(true)).isFalse();
    JsonNode note = a1.path("toolExecutionNotifications").path(0);
    assertThat(note.path("level").asString()).isEqualTo("error");
    assertThat(note.path("message").path("text").asString()).contains("AGENT_RUNTIMES").contains("eu-west-1")
        .contains("DENIED").contains("AccessDeniedException");
    JsonNode a2 = log.path("runs").path(1).path("invocations").path(0);
    assertThat(a2.path("executionSuccessful").asBoolean(false)).isTrue();
    assertThat(a2.has("toolExecutionNotifications")).isFalse();
    // A clean scan: one run, successful, no results — but the run exists so fixed alerts close.
    JsonNode clean = tree(sarif(SampleReports.clean(), Comparison.none()));
    assertThat(clean.path("runs")).hasSize(1);
    assertThat(clean.path("runs").path(0).path("results")).isEmpty();
    assertThat(clean.path("runs").path(0).path("invocations").path(0).path("executionSuccessful").asBoolean()).isTrue();
  }

  @Test
  void comparedRunsGiveEveryResultABaselineStateAndKeepAbsentOnes() throws Exception {
    List<JsonNode> results = results(tree(sarif(SampleReports.report(), SampleReports.withPrevious())));
    assertThat(results).allMatch(r -> r.has("baselineState"));
    assertThat(results).filteredOn(r -> r.path("baselineState").asString().equals("absent")).hasSize(1)
        .first().satisfies(r -> {
          assertThat(r.path("properties").path("resourceId").asString()).isEqualTo("deleted-runtime");
          assertThat(r.path("partialFingerprints").path(SarifReporter.FINGERPRINT_KEY).asString()).isEqualTo("f".repeat(64));
        });
    assertThat(results).filteredOn(r -> r.path("baselineState").asString().equals("new")).hasSize(results.size() - 1);
  }

  @Test
  void splitsAnOrganizationThatExceedsOneFileAndEachFileIsValid(@TempDir Path dir) throws Exception {
    // 45 accounts = 45 runs: GitHub accepts 20 runs per file, so three files.
    List<Finding> findings = new ArrayList<>();
    List<CoverageRecord> coverage = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      String acct = String.format("%012d", 100000000000L + i);
      coverage.add(CoverageRecord.read(acct, "us-east-1", ResourceKind.AGENT_RUNTIMES));
      findings.add(SampleReports.finding("AF-NET-001", Status.FAIL, Severity.CRITICAL,
          SampleReports.runtime(acct, "us-east-1", "rt-" + i), "PUBLIC"));
    }
    ScanReport big = new ScanReport("0.1.0", "b.yaml", CollectionInfo.empty(), SampleReports.rules(), findings, coverage, true);
    assertThatThrownBy(() -> sarif(big, Comparison.none())).isInstanceOf(SarifLimitException.class)
        .hasMessageContaining("--output-dir");
    List<Path> files = reporter.writeFiles(big, Comparison.none(), dir.resolve("agentfence.sarif"));
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("agentfence.sarif", "agentfence-2.sarif", "agentfence-3.sarif");
    int runs = 0;
    for (Path f : files) {
      String json = Files.readString(f);
      assertThat(SarifSchema.validate(json)).isEmpty();
      int n = tree(json).path("runs").size();
      assertThat(n).isLessThanOrEqualTo(SarifLimits.RUNS_PER_FILE);
      runs += n;
    }
    assertThat(runs).isEqualTo(45);
  }

  @Test
  void filesAreByteIdenticalToSerialisingTheLogModel(@TempDir Path dir) throws Exception {
    // The writer serialises each run once and frames the bytes itself; the files must be exactly
    // what serialising the record model would give, across a multi-file split and with text that
    // holds escaped line breaks.
    List<Finding> findings = new ArrayList<>();
    List<CoverageRecord> coverage = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String acct = String.format("%012d", 200000000000L + i);
      coverage.add(CoverageRecord.read(acct, "us-east-1", ResourceKind.AGENT_RUNTIMES));
      findings.add(SampleReports.finding("AF-NET-001", Status.FAIL, Severity.CRITICAL,
          SampleReports.runtime(acct, "us-east-1", "rt-" + i), "line one\nline two \"quoted\""));
    }
    ScanReport big = new ScanReport("0.1.0", "b.yaml", CollectionInfo.empty(), SampleReports.rules(), findings, coverage, true);
    List<SarifModel.Log> logs = reporter.logs(big, Comparison.none());
    List<Path> files = reporter.writeFiles(big, Comparison.none(), dir.resolve("agentfence.sarif"));
    assertThat(files).hasSize(logs.size()).hasSize(2);
    for (int i = 0; i < files.size(); i++) {
      assertThat(Files.readAllBytes(files.get(i))).isEqualTo(SarifReporter.bytes(logs.get(i)));
    }
    for (ScanReport r : List.of(SampleReports.report(), SampleReports.clean())) {
      assertThat(sarif(r, SampleReports.withPrevious()))
          .isEqualTo(new String(SarifReporter.bytes(reporter.logs(r, SampleReports.withPrevious()).get(0)), StandardCharsets.UTF_8) + "\n");
    }
  }

  @Test
  void anAccountAbove25000ResultsIsSplitByRegion() {
    List<Finding> findings = new ArrayList<>();
    String acct = SampleReports.A1;
    for (int i = 0; i < SarifLimits.RESULTS_PER_RUN + 10; i++) {
      String region = i % 2 == 0 ? "us-east-1" : "eu-west-1";
      findings.add(new Finding("AF-NET-001", Status.FAIL, Severity.CRITICAL,
          new ResourceRef("runtime", "rt-" + i, "", acct, region), "PUBLIC", List.of(), java.util.Map.of()));
    }
    ScanReport big = new ScanReport("0.1.0", "b.yaml", CollectionInfo.empty(), SampleReports.rules(), findings,
        List.of(CoverageRecord.read(acct, "us-east-1", ResourceKind.AGENT_RUNTIMES)), true);
    List<SarifModel.Log> logs = reporter.logs(big, Comparison.none());
    assertThat(logs).hasSize(1);
    assertThat(logs.get(0).runs()).extracting(r -> r.automationDetails().id())
        .containsExactly("agentfence/aws/111122223333/eu-west-1/", "agentfence/aws/111122223333/us-east-1/");
    assertThat(logs.get(0).runs()).allSatisfy(r -> assertThat(r.results().size()).isLessThanOrEqualTo(SarifLimits.RESULTS_PER_RUN));
  }

  /** Figures for the report: size of the rich sample's SARIF, raw and gzipped. */
  @Test
  void printsSarifSizes() throws Exception {
    byte[] raw = sarif(SampleReports.report(), Comparison.none()).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(raw);
    }
    System.out.printf("SARIF sample: %d results, %d bytes, %d bytes gzipped%n",
        results(tree(new String(raw, StandardCharsets.UTF_8))).size(), raw.length, gz.size());
    assertThat(gz.size()).isLessThan(raw.length);
  }
}
