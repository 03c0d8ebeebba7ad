package io.agentfence.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.check.CheckContext;
import io.agentfence.check.RuleMetadata;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Status;
import io.agentfence.fixtures.scenario.Scenarios;
import io.agentfence.fixtures.scenario.Scenarios.ExpectedFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the whole catalogue on every fixture scenario and compares the non-PASS findings with the
 * scenario's expected.json, restricted to the rule ids this catalogue has (so a scenario can
 * already state findings of rules another branch adds). With {@code -Dagentfence.regenerate=true}
 * it rewrites expected.json from the actual findings: review that diff by hand.
 */
class ScenarioExpectationsTest {
  private static final Path SCENARIOS = Path.of("../fixtures/src/main/resources");

  static List<String> names() {
    return Scenarios.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void catalogueProducesExactlyTheExpectedFindings(String name) throws IOException {
    Set<String> known = Catalogue.runner().rules().stream().map(RuleMetadata::id).collect(Collectors.toSet());
    List<Finding> findings = Catalogue.runner().run(
        CheckContext.of(Scenarios.snapshot(name), Scenarios.baseline(name), LocalDate.of(2026, 11, 22)));
    List<ExpectedFinding> actual = findings.stream().filter(f -> f.status() != Status.PASS)
        .map(f -> new ExpectedFinding(f.ruleId(), f.status().name(), f.resource().arn())).toList();
    if (Boolean.getBoolean("agentfence.regenerate")) {
      Files.writeString(SCENARIOS.resolve(Scenarios.path(name, "expected.json")), json(actual), StandardCharsets.UTF_8);
      return;
    }
    List<ExpectedFinding> expected = Scenarios.expected(name).stream().filter(e -> known.contains(e.ruleId())).toList();
    assertThat(actual).as(name).containsExactlyElementsOf(expected);
    if (name.equals("contained")) {
      assertThat(findings).as("the contained landing zone is judged, not skipped").hasSizeGreaterThan(20);
    }
  }

  /** Fail closed: no finding about a scope whose reads all failed may say PASS. */
  @ParameterizedTest
  @MethodSource("names")
  void nothingInAnUnreadScopeIsReportedAsPass(String name) {
    var snapshot = Scenarios.snapshot(name);
    var coverage = snapshot.coverageIndex();
    List<Finding> findings = Catalogue.runner().run(CheckContext.of(snapshot, Scenarios.baseline(name), LocalDate.of(2026, 11, 22)));
    for (Finding f : findings) {
      String acct = f.resource().accountId();
      String region = f.resource().region();
      boolean unread = region.equals("global")
          ? !coverage.isRead(acct, region, io.agentfence.inventory.ResourceKind.IAM)
          : java.util.Arrays.stream(io.agentfence.inventory.ResourceKind.values())
              .filter(k -> !k.global()).noneMatch(k -> coverage.isRead(acct, region, k));
      if (unread && !acct.isEmpty()) {
        assertThat(f.status()).as(name + ": " + f.ruleId() + " on " + f.resource().arn()).isNotEqualTo(Status.PASS);
      }
    }
  }

  private static String json(List<ExpectedFinding> list) {
    if (list.isEmpty()) {
      return "[]\n";
    }
    return list.stream()
        .map(e -> "  {\"ruleId\": \"" + e.ruleId() + "\", \"status\": \"" + e.status() + "\", \"resourceArn\": \""
            + e.resourceArn() + "\"}")
        .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
  }
}
