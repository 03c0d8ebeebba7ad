package io.agentfence.checks;

import static io.agentfence.checks.Lz.*;
import static io.agentfence.fixtures.scenario.SnapshotBuilder.local;
import static io.agentfence.fixtures.scenario.SnapshotBuilder.v4;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.check.Check;
import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.containment.ContainmentVerdict;
import io.agentfence.checks.coverage.ScanCoverageIncomplete;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.fixtures.scenario.SnapshotBuilder;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.RouteTargetType;
import io.agentfence.inventory.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageAndContainmentTest {

  // AF-COV-001

  @Test
  void everythingReadPassesPerScope() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b);
    assertThat(verdicts(run(new ScanCoverageIncomplete(), b.build()))).containsExactly(
        "PASS coverage-scope 222222222222/global", "PASS coverage-scope 222222222222/us-east-1");
  }

  @Test
  void deniedKindsAreListedWithCodeAndMessage() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).coverage(ResourceKind.ROUTE_TABLES, CoverageStatus.DENIED, "DescribeRouteTables", "UnauthorizedOperation",
        "You are not authorized").noCoverage(ResourceKind.NETWORK_INTERFACES);
    b.account(ACCT).iamCoverage(CoverageStatus.THROTTLED_OUT, "GetAccountAuthorizationDetails", "Throttling", "Rate exceeded");
    List<Finding> f = run(new ScanCoverageIncomplete(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL coverage-scope 222222222222/global", "FAIL coverage-scope 222222222222/us-east-1");
    assertThat(f.get(1).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(f.get(1).chain()).isEqualTo("scope 222222222222/us-east-1 (2 kind(s) not read)"
        + " → kind ROUTE_TABLES (DENIED (UnauthorizedOperation on DescribeRouteTables))"
        + " → kind NETWORK_INTERFACES (not attempted: no coverage record)"
        + " → aws-error UnauthorizedOperation (You are not authorized)");
    assertThat(f.get(1).message()).isEqualTo("scan incomplete in 222222222222/us-east-1: ROUTE_TABLES DENIED"
        + " UnauthorizedOperation: You are not authorized; NETWORK_INTERFACES not attempted (no coverage record)."
        + " Resources there are UNKNOWN, not absent");
    assertThat(f.get(0).message()).contains("IAM THROTTLED_OUT Throttling: Rate exceeded");
  }

  @Test
  void disabledRegionIsCompleteAndUnrecordedLandingZoneIsUnknown() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    b.account("333333333333").region("us-west-2");
    for (ResourceKind k : ResourceKind.values()) {
      if (!k.global()) {
        b.coverage(CoverageRecord.gap("333333333333", "ap-east-1", k, CoverageStatus.REGION_DISABLED, null, null, "opt-in"));
      }
    }
    assertThat(verdicts(run(new ScanCoverageIncomplete(), b.build()))).containsExactly(
        "UNKNOWN coverage-scope 222222222222/global", "UNKNOWN coverage-scope 222222222222/us-east-1",
        "PASS coverage-scope 333333333333/ap-east-1", "PASS coverage-scope 333333333333/global",
        "PASS coverage-scope 333333333333/us-west-2");
  }

  // AF-CNT-001

  @Test
  void containedRuntimePasses() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).runtime("rt-1", CONTAINED);
    List<Finding> f = only("runtime", verdict(rulesWithout(), b.build()));
    assertThat(verdicts(f)).containsExactly("PASS runtime rt-1");
  }

  @Test
  void verdictFailsWithEachBrokenLinkAndItsRule() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    var r = region(b, List.of(local(CIDR), v4("0.0.0.0/0", RouteTargetType.NAT_GATEWAY, NAT)), inspected());
    r.runtime("rt-nat", CONTAINED);
    r.runtime("rt-pub", NetworkConfig.publicMode());
    r.runtime("rt-ok", NetworkConfig.vpc(List.of(SUBNET_B), List.of(SG)));
    List<Finding> f = verdict(rulesWithout(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL runtime rt-nat", "FAIL runtime rt-pub", "PASS runtime rt-ok");
    assertThat(f.get(0).evidence()).extracting(EvidenceLink::kind, EvidenceLink::id)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("runtime", "rt-nat"), org.assertj.core.groups.Tuple.tuple("rule", "AF-EGR-001"));
    // Its DEFAULT endpoint serves the same PUBLIC version, so AF-NET-006 fails as well.
    assertThat(f.get(1).properties()).containsEntry("failedRules", "AF-NET-001,AF-NET-006");
    assertThat(f.get(1).message()).startsWith("runtime rt-pub is not contained: 2 rule(s) fail (AF-NET-001, AF-NET-006)");
  }

  @Test
  void accountWideFindingsOfItsAccountBearOnTheRuntime() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).runtime("rt-1", CONTAINED);
    List<Check> rules = new ArrayList<>(rulesWithout());
    rules.add(new AccountWideStandIn(Status.FAIL));
    List<Finding> f = verdict(rules, b.build());
    assertThat(verdicts(f)).containsExactly("FAIL runtime rt-1");
    assertThat(f.get(0).properties()).containsEntry("failedRules", "AF-TEST-001");
    rules.set(rules.size() - 1, new AccountWideStandIn(Status.UNKNOWN));
    assertThat(verdicts(verdict(rules, b.build()))).containsExactly("UNKNOWN runtime rt-1");
  }

  @Test
  void incompleteCoverageOfTheRuntimesScopeMakesItUnknownNotPass() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).coverage(ResourceKind.NETWORK_INTERFACES, CoverageStatus.DENIED, "DescribeNetworkInterfaces", "UnauthorizedOperation", "x")
        .runtime("rt-1", CONTAINED);
    List<Finding> f = verdict(rulesWithout(), b.build());
    assertThat(verdicts(f)).containsExactly("UNKNOWN runtime rt-1");
    assertThat(f.get(0).properties()).containsEntry("unknownRules", "AF-COV-001");
  }

  @Test
  void dnsFindingOnTheRuntimesVpcBearsOnIt() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b, inspected(), inspected(), List.of("10.20.0.2")).runtime("rt-1", CONTAINED);
    List<Finding> f = verdict(rulesWithout(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL runtime rt-1");
    assertThat(f.get(0).properties()).containsEntry("failedRules", "AF-DNS-001");
    assertThat(f.get(0).chain()).contains("rule AF-DNS-001 (FAIL on vpc vpc-0a0000000000000a1: dhcp-options ")
        .contains("domain-name-servers [10.20.0.2]")
        .doesNotContain("not exactly [AmazonProvidedDNS]");
  }

  /** The verdict over the findings of {@code rules}, each evaluated once in order, as CheckRunner hands them over. */
  private static List<Finding> verdict(List<Check> rules, Snapshot s) {
    CheckContext ctx = CheckContext.of(s, baseline(), LocalDate.of(2026, 1, 1));
    List<Finding> prior = new ArrayList<>();
    rules.forEach(c -> prior.addAll(c.evaluate(ctx)));
    return new ContainmentVerdict().evaluate(ctx, prior);
  }

  /** The catalogue without the verdict itself and without the guardrail rules (stood in for above). */
  private static List<Check> rulesWithout() {
    return Catalogue.all().stream()
        .filter(c -> c.metadata().area() != RuleArea.CONTAINMENT && c.metadata().area() != RuleArea.GUARDRAIL)
        .toList();
  }

  private static List<Finding> only(String kind, List<Finding> f) {
    return f.stream().filter(x -> x.resource().kind().equals(kind)).toList();
  }

  @Rule(id = "AF-TEST-001", name = "stand-in account-wide rule", area = RuleArea.GUARDRAIL, severity = Severity.HIGH,
      control = "test", summary = "test", rationale = "test", remediationConsole = "-", remediationCli = "-",
      remediationTerraform = "-")
  static final class AccountWideStandIn implements Check {
    private final Status status;

    AccountWideStandIn(Status status) {
      this.status = status;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
      return List.of(new Finding("AF-TEST-001", status, Severity.HIGH,
          new ResourceRef("account", ACCT, null, ACCT, CoverageRecord.GLOBAL), "guardrail", List.of(), Map.of()),
          new Finding("AF-TEST-001", Status.FAIL, Severity.HIGH,
              new ResourceRef("account", "999999999999", null, "999999999999", CoverageRecord.GLOBAL), "other account",
              List.of(), Map.of()));
    }
  }
}
