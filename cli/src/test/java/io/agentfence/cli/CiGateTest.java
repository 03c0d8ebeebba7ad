package io.agentfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CI gate flags: several formats per run, --output-dir, --previous and --fail-on-new. */
class CiGateTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(out, err, args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run check(String inventory, String... more) {
    List<String> args = new ArrayList<>(List.of("check", "--inventory", MainTest.res(inventory),
        "--baseline", MainTest.res("baseline.yaml")));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  static void assertUsage(Run r, String... fragments) {
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    for (String f : fragments) {
      assertThat(r.err()).contains(f);
    }
    assertThat(r.out()).isEmpty();
  }

  @Test
  void severalFormatsInOneRunGoToOutputDir(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Run r = check("public-runtime.json", "--format", "sarif,json,markdown,table", "--output-dir", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).isEmpty();
    JsonNode sarif = JSON.readTree(out.resolve("agentfence.sarif").toFile());
    assertThat(sarif.path("version").asString()).isEqualTo("2.1.0");
    assertThat(sarif.path("runs").path(0).path("results").size()).isPositive();
    JsonNode json = JSON.readTree(out.resolve("agentfence.json").toFile());
    assertThat(json.path("summary").path("failing").asInt()).isPositive();
    assertThat(Files.readString(out.resolve("agentfence.md"))).startsWith("## agentfence: ");
    assertThat(Files.readString(out.resolve("agentfence.txt"))).startsWith("agentfence ").doesNotContain("\u001b[");
    assertThat(r.err()).contains("agentfence.sarif").contains("agentfence.json").contains("agentfence.md");
  }

  @Test
  void severalFormatsNeedOutputDir(@TempDir Path dir) {
    assertUsage(check("public-runtime.json", "--format", "sarif,json"), "--output-dir");
    assertUsage(check("public-runtime.json", "--format", "sarif,json", "--output", dir.resolve("x").toString()),
        "--output-dir");
    assertUsage(check("public-runtime.json", "--format", "json", "--output", dir.resolve("x").toString(),
        "--output-dir", dir.toString()), "cannot be combined");
    assertUsage(check("public-runtime.json", "--format", "sarif,xml", "--output-dir", dir.toString()),
        "unknown --format 'xml'");
    assertThat(dir.resolve("agentfence.sarif")).doesNotExist(); // validated before any work
  }

  @Test
  void failOnNewGatesOnlyOnNewFindings(@TempDir Path dir) throws Exception {
    Path previous = dir.resolve("previous.json");
    assertThat(check("public-runtime.json", "--format", "json", "--output", previous.toString()).code())
        .isEqualTo(ExitCodes.FINDINGS);

    // Same findings again: nothing new, so --fail-on-new passes; without it the gate still fails.
    Run same = check("public-runtime.json", "--format", "json", "--previous", previous.toString(), "--fail-on-new");
    assertThat(same.code()).as(same.err()).isEqualTo(ExitCodes.CLEAN);
    JsonNode json = JSON.readTree(same.out());
    assertThat(json.path("summary").path("comparison").path("new").asInt()).isZero();
    assertThat(json.path("summary").path("comparison").path("unchanged").asInt()).isPositive();
    assertThat(check("public-runtime.json", "--format", "json", "--previous", previous.toString()).code())
        .isEqualTo(ExitCodes.FINDINGS);

    // From a clean previous run, the PUBLIC runtime is new and fails the gate.
    Path clean = dir.resolve("clean.sarif");
    assertThat(check("contained.json", "--format", "sarif", "--output", clean.toString()).code()).isEqualTo(ExitCodes.CLEAN);
    Run fresh = check("public-runtime.json", "--format", "sarif", "--previous", clean.toString(), "--fail-on-new");
    assertThat(fresh.code()).as(fresh.err()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode sarif = JSON.readTree(fresh.out());
    sarif.path("runs").forEach(run -> run.path("results").forEach(res ->
        assertThat(res.path("baselineState").asString()).isIn("new", "unchanged", "updated", "absent")));

    // Fixed since the previous run: the old findings are absent.
    Run fixed = check("contained.json", "--format", "json", "--previous", previous.toString(), "--fail-on-new");
    assertThat(fixed.code()).isEqualTo(ExitCodes.CLEAN);
    assertThat(JSON.readTree(fixed.out()).path("absentFindings").size()).isPositive();
  }

  @Test
  void incompleteScanWithNothingNewExitsThree(@TempDir Path dir) throws Exception {
    Path previous = dir.resolve("previous.json");
    check("denied-region.json", "--format", "json", "--output", previous.toString(), "--fail-on", "medium");
    Run r = check("denied-region.json", "--format", "json", "--previous", previous.toString(), "--fail-on-new",
        "--fail-on", "medium");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INCOMPLETE);
  }

  @Test
  void badPreviousFilesAreConfigErrors(@TempDir Path dir) throws Exception {
    assertUsage(check("public-runtime.json", "--fail-on-new"), "--fail-on-new needs --previous");
    assertUsage(check("public-runtime.json", "--previous", dir.resolve("nope.sarif").toString()), "nope.sarif", "no such file");
    Path junk = Files.writeString(dir.resolve("junk.json"), "{\"tool\": {}, \"findings\": [ {\"ruleId\": 1} ]}");
    assertUsage(check("public-runtime.json", "--previous", junk.toString()), "junk.json: /findings/0");
  }

  @Test
  void expiredSuppressionCountsAgainAndCanBeMadeToFailTheGate(@TempDir Path dir) throws Exception {
    String base = Files.readString(Path.of(MainTest.res("baseline.yaml")));
    String suppressions = "suppressions:\n";
    for (String rule : List.of("AF-NET-001", "AF-NET-006", "AF-CNT-001")) {
      suppressions += "  - ruleId: " + rule + "\n    account: \"111122223333\"\n    justification: legacy runtime\n"
          + "    owner: platform@example.com\n    expires: 2020-01-31\n";
    }
    Path b = Files.writeString(dir.resolve("agentfence.yaml"), base + suppressions);
    Run expired = run("check", "--inventory", MainTest.res("public-runtime.json"), "--baseline", b.toString(),
        "--format", "json", "--fail-on", "none");
    JsonNode json = JSON.readTree(expired.out());
    assertThat(json.path("summary").path("suppressed").asInt()).isZero();
    List<String> expiredRules = new ArrayList<>();
    json.path("findings").forEach(f -> {
      if (f.path("ruleId").asString().equals("AF-SUP-001") && f.path("status").asString().equals("FAIL")) {
        expiredRules.add(f.path("resource").path("id").asString());
      }
    });
    assertThat(expiredRules).hasSize(3);
    // A severity override of a suppression rule is accepted (it is a rule of every report).
    Path strict = Files.writeString(dir.resolve("strict.yaml"),
        (base.contains("severityOverrides:") ? base : base + "severityOverrides:\n  AF-SUP-001: critical\n") + suppressions);
    Run r = run("check", "--inventory", MainTest.res("contained.json"), "--baseline", strict.toString(), "--format", "json",
        "--fail-on", "critical");
    assertThat(r.err()).doesNotContain("unknown rule id");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void demoScanWritesEveryFormat(@TempDir Path dir) throws Exception {
    Run r = run("scan", "--demo", "--format", "sarif,json,markdown", "--output-dir", dir.toString());
    assertThat(r.code()).as(r.err()).isIn(ExitCodes.FINDINGS, ExitCodes.INCOMPLETE, ExitCodes.CLEAN);
    JsonNode sarif = JSON.readTree(dir.resolve("agentfence.sarif").toFile());
    assertThat(sarif.path("runs").size()).isGreaterThanOrEqualTo(3); // one run per demo account
    assertThat(JSON.readTree(dir.resolve("agentfence.json").toFile()).path("findings").size()).isPositive();
  }
}
