package io.agentfence.check.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.Suppression;
import io.agentfence.check.Check;
import io.agentfence.check.CheckContext;
import io.agentfence.check.CheckRunner;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.Snapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static final String A1 = "111122223333";

  static ResourceRef rt(String account, String region, String id) {
    return new ResourceRef("runtime", id, "arn:aws:bedrock-agentcore:" + region + ":" + account + ":runtime/" + id,
        account, region);
  }

  static Finding fail(String rule, ResourceRef r, Map<String, String> props) {
    return new Finding(rule, Status.FAIL, Severity.HIGH, r, "bad", List.of(), props);
  }

  static Suppression sup(String rule, String arnGlob, String account, String region, Map<String, String> tags, LocalDate expires) {
    return new Suppression(rule, Optional.ofNullable(arnGlob), Optional.ofNullable(account), Optional.ofNullable(region),
        tags, "accepted until migration", "platform-team", expires);
  }

  static List<Finding> apply(List<Finding> findings, Suppression... s) {
    return Suppressions.apply(findings, List.of(s), TODAY, Severity.MEDIUM, Severity.LOW);
  }

  static Finding only(List<Finding> out, String rule) {
    return out.stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow();
  }

  @Test
  void matchedFindingKeepsStatusButStopsCounting() {
    Finding f = fail("AF-NET-001", rt(A1, "us-east-1", "rt-1"), Map.of());
    List<Finding> out = apply(List.of(f), sup("AF-NET-001", "arn:aws:bedrock-agentcore:*:" + A1 + ":runtime/*", A1,
        "us-east-1", Map.of(), TODAY));
    Finding suppressed = out.get(0);
    assertThat(suppressed.status()).isEqualTo(Status.FAIL);
    assertThat(suppressed.counts()).isFalse();
    assertThat(suppressed.suppression()).hasValueSatisfying(s -> {
      assertThat(s.justification()).isEqualTo("accepted until migration");
      assertThat(s.owner()).isEqualTo("platform-team");
      assertThat(s.expires()).isEqualTo(TODAY);
    });
    assertThat(only(out, "AF-SUP-001").status()).isEqualTo(Status.PASS);
    assertThat(only(out, "AF-SUP-002").status()).isEqualTo(Status.PASS);
  }

  @Test
  void everyCriterionMustMatch() {
    ResourceRef r = rt(A1, "us-east-1", "rt-1");
    Finding tagged = fail("AF-NET-001", r, Map.of("tag:team", "ml", "tag:env", "dev"));
    assertThat(Suppressions.matches(sup("AF-NET-001", null, null, null, Map.of(), TODAY), tagged)).isTrue();
    assertThat(Suppressions.matches(sup("AF-NET-002", null, null, null, Map.of(), TODAY), tagged)).isFalse();
    assertThat(Suppressions.matches(sup("AF-NET-001", "arn:aws:ec2:**", null, null, Map.of(), TODAY), tagged)).isFalse();
    assertThat(Suppressions.matches(sup("AF-NET-001", null, "444455556666", null, Map.of(), TODAY), tagged)).isFalse();
    assertThat(Suppressions.matches(sup("AF-NET-001", null, null, "eu-west-1", Map.of(), TODAY), tagged)).isFalse();
    assertThat(Suppressions.matches(sup("AF-NET-001", null, null, null, Map.of("team", "ml"), TODAY), tagged)).isTrue();
    assertThat(Suppressions.matches(sup("AF-NET-001", null, null, null, Map.of("team", "web"), TODAY), tagged)).isFalse();
    // No tags known on the resource: a tag-scoped suppression does not match (fail closed).
    assertThat(Suppressions.matches(sup("AF-NET-001", null, null, null, Map.of("team", "ml"), TODAY),
        fail("AF-NET-001", r, Map.of()))).isFalse();
  }

  @Test
  void expiredSuppressionNoLongerSuppressesAndIsAFinding() {
    Finding f = fail("AF-NET-001", rt(A1, "us-east-1", "rt-1"), Map.of());
    List<Finding> out = apply(List.of(f), sup("AF-NET-001", null, null, null, Map.of(), TODAY.minusDays(1)));
    assertThat(out.get(0).suppression()).isEmpty();
    assertThat(out.get(0).counts()).isTrue();
    Finding expired = only(out, "AF-SUP-001");
    assertThat(expired.status()).isEqualTo(Status.FAIL);
    assertThat(expired.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(expired.message()).isEqualTo("Suppression of AF-NET-001 (owner platform-team) expired on 2026-11-21;"
        + " the 1 finding(s) it matched are no longer suppressed");
    assertThat(expired.resource().kind()).isEqualTo("suppression");
    assertThat(only(out, "AF-SUP-002").status()).isEqualTo(Status.PASS);
  }

  @Test
  void suppressionValidOnItsExpiryDay() {
    Finding f = fail("AF-NET-001", rt(A1, "us-east-1", "rt-1"), Map.of());
    assertThat(apply(List.of(f), sup("AF-NET-001", null, null, null, Map.of(), TODAY)).get(0).counts()).isFalse();
  }

  @Test
  void suppressionMatchingNothingIsStale() {
    Finding f = fail("AF-NET-001", rt(A1, "us-east-1", "rt-1"), Map.of());
    List<Finding> out = apply(List.of(f), sup("AF-NET-001", "**:runtime/rt-gone", null, null, Map.of(), TODAY.plusDays(30)));
    assertThat(out.get(0).counts()).isTrue();
    Finding stale = only(out, "AF-SUP-002");
    assertThat(stale.status()).isEqualTo(Status.FAIL);
    assertThat(stale.severity()).isEqualTo(Severity.LOW);
    assertThat(stale.message()).contains("matches no finding");
    assertThat(stale.resource().id()).isEqualTo("AF-NET-001 **:runtime/rt-gone");
    assertThat(only(out, "AF-SUP-001").status()).isEqualTo(Status.PASS);
  }

  @Test
  void aSuppressionMatchingOnlyPassingResultsIsNotStale() {
    Finding pass = new Finding("AF-NET-001", Status.PASS, Severity.HIGH, rt(A1, "us-east-1", "rt-1"), "ok", List.of(), Map.of());
    List<Finding> out = apply(List.of(pass), sup("AF-NET-001", null, null, null, Map.of(), TODAY));
    assertThat(only(out, "AF-SUP-002").status()).isEqualTo(Status.PASS);
  }

  @Rule(id = "AF-TEST-001", name = "Always fails", area = RuleArea.NETWORK_MODE, severity = Severity.HIGH,
      control = "test", summary = "s", rationale = "r", remediationConsole = "c", remediationCli = "c",
      remediationTerraform = "t")
  static final class AlwaysFails implements Check {
    @Override
    public List<Finding> evaluate(CheckContext context) {
      return List.of(fail("AF-TEST-001", rt(A1, "us-east-1", "rt-1"), Map.of()),
          fail("AF-TEST-001", rt(A1, "us-east-1", "rt-2"), Map.of()));
    }
  }

  @Test
  void checkRunnerReportAppliesSuppressionsAndListsTheirRules() {
    Baseline baseline = new Baseline(1, "agentfence.yaml", List.of(), null, Map.of("AF-SUP-002", Severity.HIGH), List.of(
        sup("AF-TEST-001", "**:runtime/rt-1", null, null, Map.of(), TODAY.plusDays(10)),
        sup("AF-TEST-001", "**:runtime/rt-9", null, null, Map.of(), TODAY.plusDays(10)),
        sup("AF-TEST-001", "**:runtime/rt-2", null, null, Map.of(), TODAY.minusDays(10))));
    Snapshot snapshot = Snapshot.of(CollectionInfo.empty(), Optional.empty(), List.of(), List.of());
    ScanReport report = new CheckRunner(List.of(new AlwaysFails())).report(snapshot, baseline, TODAY, "test");
    assertThat(report.rules()).extracting(r -> r.id()).containsExactly("AF-TEST-001", "AF-SUP-001", "AF-SUP-002");
    assertThat(report.rules().get(2).severity()).isEqualTo(Severity.HIGH); // overrides apply to them too
    assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("AF-TEST-001"))
        .extracting(f -> f.resource().id() + ":" + f.counts()).containsExactly("rt-1:false", "rt-2:true");
    assertThat(report.findings()).filteredOn(f -> f.ruleId().startsWith("AF-SUP") && f.failed())
        .extracting(f -> f.ruleId() + " " + f.resource().id())
        .containsExactly("AF-SUP-001 AF-TEST-001 **:runtime/rt-2", "AF-SUP-002 AF-TEST-001 **:runtime/rt-9");
    assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("AF-SUP-002") && f.failed())
        .allMatch(f -> f.severity() == Severity.HIGH);
    // Gate: rt-2 (HIGH, suppression expired), the stale suppression (HIGH by override); the expiry is MEDIUM.
    assertThat(report.failingAtOrAbove(Severity.HIGH)).isEqualTo(2);
    assertThat(report.failingAtOrAbove(Severity.MEDIUM)).isEqualTo(3);
  }
}
