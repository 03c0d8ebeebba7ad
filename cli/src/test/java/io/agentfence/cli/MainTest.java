package io.agentfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.checks.Catalogue;
import io.agentfence.check.RuleMetadata;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line as users and CI pipelines see it: exit codes, stdout, stderr, files. */
class MainTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One run of the CLI with captured streams. */
  record Run(int code, String out, String err) {
    JsonNode json() {
      return JSON.readTree(out);
    }

    List<String> statuses(String ruleId) {
      List<String> s = new ArrayList<>();
      json().get("findings").forEach(f -> {
        if (f.get("ruleId").asString().equals(ruleId)) {
          s.add(f.get("status").asString());
        }
      });
      return s;
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(out, err, args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String res(String name) {
    try {
      return Path.of(MainTest.class.getResource("/cli/" + name).toURI()).toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Run check(String inventory, String baseline, String... more) {
    List<String> args = new ArrayList<>(List.of("check", "--inventory", res(inventory), "--baseline", res(baseline)));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /** No stack trace, no exception class names: the user standard for every error. */
  static void assertCleanError(Run r) {
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.agentfence");
    assertThat(r.out()).isEmpty();
  }

  // ---- exit codes ------------------------------------------------------------------------------

  @Test
  void containedLandingZoneExitsZero() {
    Run r = check("contained.json", "baseline.yaml", "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
    assertThat(r.json().get("summary").get("failing").asInt()).isZero();
    assertThat(r.json().get("summary").get("complete").asBoolean()).isTrue();
    assertThat(r.statuses("AF-NET-001")).containsExactly("PASS");
    assertThat(r.err()).startsWith("agentfence: checking 1 account(s), 1 region(s) (fixture) against "
        + res("baseline.yaml"));
  }

  @Test
  void publicRuntimeFailsTheGate() {
    Run r = check("public-runtime.json", "baseline.yaml", "--format", "json");
    assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.statuses("AF-NET-001")).containsExactly("FAIL");
  }

  @Test
  void failOnSetsTheGate() {
    // AF-NET-001 is critical: it fails at critical, and nothing fails with none.
    assertThat(check("public-runtime.json", "baseline.yaml", "--format", "json", "--fail-on", "critical").code())
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(check("public-runtime.json", "baseline.yaml", "--format", "json", "--fail-on", "none").code())
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(check("public-runtime.json", "baseline.yaml", "--format", "json", "--fail-on", "NONE").code())
        .isEqualTo(ExitCodes.CLEAN);
  }

  @Test
  void deniedRegionIsIncompleteNotClean() {
    Run r = check("denied-region.json", "baseline.yaml", "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INCOMPLETE);
    assertThat(r.json().get("summary").get("complete").asBoolean()).isFalse();
    // What was not read is UNKNOWN, never PASS.
    assertThat(r.statuses("AF-NET-001")).contains("UNKNOWN").doesNotContain("FAIL");
  }

  @Test
  void incompleteScanFailsWhenTheCoverageRuleIsAtTheThreshold() {
    // The coverage rule is medium: gating at medium turns the incomplete scan into a failure.
    assertThat(check("denied-region.json", "baseline.yaml", "--format", "json", "--fail-on", "medium").code())
        .isEqualTo(ExitCodes.FINDINGS);
    // With no gate the scan is still reported incomplete, never clean.
    assertThat(check("denied-region.json", "baseline.yaml", "--format", "json", "--fail-on", "none").code())
        .isEqualTo(ExitCodes.INCOMPLETE);
  }

  // ---- bad input: exit 2 with a clear message -------------------------------------------------

  @Test
  void badBaselineNamesFileLineAndColumn() {
    Run r = check("contained.json", "bad-baseline.yaml");
    assertCleanError(r);
    String file = res("bad-baseline.yaml");
    assertThat(r.err().lines()).contains(
        file + ":5:5: unknown key 'regoins' in landing zone. Did you mean 'regions'? Allowed keys: name,"
            + " accounts, regions, vpcId, approvedSubnets, approvedSecurityGroups, inspectionTargets",
        file + ":7:23: 'subnet-xyz' in approvedSubnets is not a subnet id."
            + " Use subnet ids such as 'subnet-0a1b2c3d4e5f60718'");
  }

  @Test
  void snapshotThatIsNotJson() {
    Run r = check("not-json.json", "baseline.yaml");
    assertCleanError(r);
    assertThat(r.err()).startsWith(res("not-json.json") + ":1:1: not valid JSON");
  }

  @Test
  void snapshotOfAnotherFormat() {
    Run r = check("wrong-format.json", "baseline.yaml");
    assertCleanError(r);
    assertThat(r.err()).startsWith(res("wrong-format.json") + ": snapshot format 7 is not supported");
  }

  @Test
  void missingSnapshotFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    Run r = run("check", "--inventory", missing.toString(), "--baseline", res("baseline.yaml"));
    assertCleanError(r);
    assertThat(r.err().strip()).isEqualTo(missing + ": no such snapshot file");
  }

  @Test
  void unknownRuleIdInBaselineIsAConfigError(@TempDir Path dir) throws Exception {
    Path b = dir.resolve("agentfence.yaml");
    Files.writeString(b, Files.readString(Path.of(res("baseline.yaml"))) + "severityOverrides:\n  AF-NOPE-999: low\n");
    Run r = run("check", "--inventory", res("contained.json"), "--baseline", b.toString());
    assertCleanError(r);
    assertThat(r.err()).contains(b + ": unknown rule id(s) AF-NOPE-999");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "scan --bogus",
      "check --inventory x.json",
      "scan --demo --fail-on severe",
      "scan --demo --format xml",
      "frobnicate",
  })
  void usageErrorsAreOneLine(String line) {
    Run r = run(line.split(" "));
    assertCleanError(r);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("agentfence");
  }

  @Test
  void liveScanIsNotOfferedUntilBuilt() {
    Run r = run("scan");
    assertCleanError(r);
    assertThat(r.err()).contains("scan --demo");
  }

  @Test
  void suppressedFindingsDoNotCountForTheGate(@TempDir Path dir) throws Exception {
    StringBuilder yaml = new StringBuilder(Files.readString(Path.of(res("baseline.yaml")))).append("suppressions:\n");
    for (String rule : List.of("AF-NET-001", "AF-NET-006", "AF-CNT-001")) {
      yaml.append("  - ruleId: ").append(rule).append("\n")
          .append("    account: \"111122223333\"\n")
          .append("    justification: legacy runtime, moving to VPC\n")
          .append("    owner: platform@example.com\n")
          .append("    expires: 2999-12-31\n");
    }
    Path b = dir.resolve("agentfence.yaml");
    Files.writeString(b, yaml);
    Run r = run("check", "--inventory", res("public-runtime.json"), "--baseline", b.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
    assertThat(r.statuses("AF-NET-001")).containsExactly("FAIL");
    assertThat(r.json().get("summary").get("suppressed").asInt()).isEqualTo(3);
  }

  @Test
  void noSubcommandShowsUsageAndFails() {
    Run r = run();
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Usage: agentfence").contains("scan").contains("check").contains("rules");
  }

  // ---- output ----------------------------------------------------------------------------------

  @Test
  void outputFileReceivesTheReportAndStdoutStaysEmpty(@TempDir Path dir) throws Exception {
    Path sarif = dir.resolve("out/results.sarif");
    Run r = check("public-runtime.json", "baseline.yaml", "--format", "sarif", "--output", sarif.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("wrote sarif report to " + sarif);
    JsonNode doc = JSON.readTree(sarif.toFile());
    assertThat(doc.get("version").asString()).isEqualTo("2.1.0");
    assertThat(doc.toString()).contains("AF-NET-001");
  }

  @Test
  void tableIsTheDefaultFormat() {
    Run r = check("public-runtime.json", "baseline.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).contains("AF-NET-001").contains("FAIL").doesNotContain("\u001b[");
  }

  // ---- help, version, rules --------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"--help", "scan --help", "check --help", "rules --help"})
  void helpEverywhere(String line) {
    Run r = run(line.split(" "));
    assertThat(r.code()).isEqualTo(ExitCodes.CLEAN);
    assertThat(r.out()).startsWith("Usage: agentfence");
  }

  @Test
  void outputOptionsAreDocumentedOnScanAndCheck() {
    for (String cmd : List.of("scan", "check")) {
      assertThat(run(cmd, "--help").out()).contains("--format").contains("--output").contains("--fail-on");
    }
  }

  @Test
  void version() {
    Run r = run("--version");
    assertThat(r.code()).isEqualTo(ExitCodes.CLEAN);
    assertThat(r.out()).startsWith("agentfence ");
  }

  @Test
  void rulesAsJsonListEveryRuleWithMetadata() {
    Run r = run("rules", "--format", "json");
    assertThat(r.code()).isEqualTo(ExitCodes.CLEAN);
    List<String> ids = new ArrayList<>();
    r.json().get("rules").forEach(n -> {
      ids.add(n.get("id").asString());
      assertThat(n.get("severity").asString()).isNotEmpty();
      assertThat(n.get("remediation").get("cli").isString()).isTrue();
    });
    assertThat(ids).isEqualTo(Catalogue.runner().rules().stream().map(RuleMetadata::id).toList()).isNotEmpty();
  }

  @Test
  void rulesAsTable() {
    Run r = run("rules");
    assertThat(r.code()).isEqualTo(ExitCodes.CLEAN);
    for (RuleMetadata m : Catalogue.runner().rules()) {
      assertThat(r.out()).contains(m.id());
    }
    assertThat(r.out()).contains(Catalogue.runner().rules().size() + " rules");
  }

  // ---- the demo organization -------------------------------------------------------------------

  @Test
  void demoScanReportsTheDemoOrganization() {
    Run r = run("scan", "--demo", "--format", "json");
    // The demo organization mixes every problem: failing findings, so the default gate trips.
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.statuses("AF-NET-001")).contains("FAIL", "UNKNOWN");
    assertThat(r.json().get("summary").get("complete").asBoolean()).isFalse();
    java.util.Set<String> accounts = new java.util.TreeSet<>();
    r.json().get("coverage").forEach(c -> accounts.add(c.get("accountId").asString()));
    assertThat(accounts).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void demoScanWritesSarifAndJsonFiles(@TempDir Path dir) throws Exception {
    for (String format : List.of("sarif", "json")) {
      Path file = dir.resolve("demo." + format);
      Run r = run("scan", "--demo", "--format", format, "--output", file.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
      assertThat(r.out()).isEmpty();
      assertThat(JSON.readTree(file.toFile()).isObject()).isTrue();
    }
  }
}
