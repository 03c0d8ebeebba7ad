package io.agentfence.schedules.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.Snapshot;
import io.agentfence.schedules.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftEngineTest {
  private static final String RT = "rt-111111111111";
  private static final String GUARDRAIL = Scenario.GUARDRAIL_ARN;

  private static DriftReport drift(Scenario a, Scenario b) {
    return drift(a.snapshot(), List.of(), b.snapshot(), List.of());
  }

  private static DriftReport drift(Snapshot a, List<Finding> fa, Snapshot b, List<Finding> fb) {
    return DriftEngine.compare(new DriftEngine.Side("old", a, fa), new DriftEngine.Side("new", b, fb));
  }

  private static FieldChange change(String field, String before, String after) {
    return FieldChange.of(field, before, after);
  }

  @Test
  void runtimeSwitchedToPublicIsAFieldLevelChangeOfTheRuntime() {
    Scenario s0 = Scenario.contained();
    DriftReport r = drift(s0, s0.runtimePublic());

    assertThat(r.added()).isEmpty();
    assertThat(r.removed()).isEmpty();
    assertThat(r.unknown()).isEmpty();
    assertThat(r.changed()).hasSize(1);
    ResourceChange c = r.changed().get(0);
    assertThat(c.resource()).isEqualTo(new ResourceKey("runtime", Scenario.ACCOUNT, Scenario.REGION, RT,
        ResourceKind.AGENT_RUNTIMES));
    assertThat(c.fields()).containsExactly(
        change("latestVersion", "1", "2"),
        change("network.mode", "VPC", "PUBLIC"),
        change("network.securityGroups", "[sg-1]", "[]"),
        change("network.subnets", "[subnet-a111]", "[]"));
  }

  @Test
  void sequenceOfFixtureChangesGivesExactBeforeAndAfter() {
    Scenario s1 = Scenario.contained().runtimePublic();
    Scenario s2 = s1.routeToNat();
    Scenario s3 = s2.dhcpReplaced();
    Scenario s4 = s3.guardrailDetached();

    DriftReport route = drift(s1, s2);
    assertThat(route.changed()).singleElement().satisfies(c -> {
      assertThat(c.resource().type()).isEqualTo("route-table");
      assertThat(c.resource().id()).isEqualTo("rtb-1");
      assertThat(c.fields()).containsExactly(
          change("routes[0.0.0.0/0]", "NETWORK_INTERFACE eni-inspect1", "NAT_GATEWAY nat-0abc"));
    });
    assertThat(route.added()).isEmpty();
    assertThat(route.removed()).isEmpty();

    DriftReport dhcp = drift(s2, s3);
    assertThat(dhcp.changed()).extracting(c -> c.resource().type(), c -> c.resource().id(), ResourceChange::fields)
        .containsExactly(tuple("vpc", "vpc-1", List.of(change("dhcpOptionsId", "dopt-1", "dopt-2"))));
    assertThat(dhcp.added()).extracting(c -> c.resource().type(), c -> c.resource().id(), ResourceChange::fields)
        .containsExactly(tuple("dhcp-options", "dopt-2", List.of(change("domain-name-servers", null, "10.9.9.9"))));
    assertThat(dhcp.removed()).extracting(c -> c.resource().type(), c -> c.resource().id(), ResourceChange::fields)
        .containsExactly(tuple("dhcp-options", "dopt-1",
            List.of(change("domain-name-servers", "AmazonProvidedDNS", null))));

    DriftReport guardrail = drift(s3, s4);
    assertThat(guardrail.changed()).singleElement().satisfies(c -> {
      assertThat(c.resource()).isEqualTo(new ResourceKey("iam-role", Scenario.ACCOUNT, "global",
          Scenario.DEPLOYER_ARN, ResourceKind.IAM));
      assertThat(c.fields()).containsExactly(change("attachedPolicies", "[" + GUARDRAIL + "]", "[]"));
    });
    assertThat(guardrail.added()).isEmpty();
    assertThat(guardrail.removed()).isEmpty();
  }

  @Test
  void volatileFieldsAreNotDrift() {
    Scenario s0 = Scenario.contained().runtimeStatus("UPDATING");
    Scenario s1 = Scenario.contained().runtimeStatus("READY").collectedAt(Instant.parse("2026-11-21T02:00:00Z"));

    DriftReport r = drift(s0, s1);

    assertThat(r.noChanges()).isTrue();
    assertThat(r.unknown()).isEmpty();
  }

  @Test
  void anAccountUnreadableInTheSecondScanIsUnknownNeverRemoved() {
    Scenario both = Scenario.contained().withAccounts(Scenario.ACCOUNT, "222222222222");
    Scenario denied = both.unreadable("222222222222");

    DriftReport r = drift(both, denied);

    assertThat(r.removed()).isEmpty();
    assertThat(r.added()).isEmpty();
    assertThat(r.changed()).isEmpty();
    assertThat(r.unknown()).hasSize(ResourceKind.values().length - 1)
        .allSatisfy(u -> {
          assertThat(u.accountId()).isEqualTo("222222222222");
          assertThat(u.before()).isEqualTo("READ");
          assertThat(u.after()).isEqualTo("ROLE_NOT_ASSUMABLE");
        });
    // and the readable account's real change is still reported
    DriftReport withChange = drift(both, denied.runtimePublic());
    assertThat(withChange.changed()).extracting(c -> c.resource().id()).containsExactly(RT);
    assertThat(withChange.removed()).isEmpty();
  }

  @Test
  void anAccountMissingFromTheSecondScanIsUnknownNotAttempted() {
    Scenario both = Scenario.contained().withAccounts(Scenario.ACCOUNT, "222222222222");
    DriftReport r = drift(both, Scenario.contained());

    assertThat(r.removed()).isEmpty();
    assertThat(r.unknown()).isNotEmpty().allSatisfy(u -> {
      assertThat(u.accountId()).isEqualTo("222222222222");
      assertThat(u.after()).isEqualTo("NOT_ATTEMPTED");
    });
  }

  @Test
  void accountReadAgainAfterAnUnreadableScanIsNotAdded() {
    Scenario both = Scenario.contained().withAccounts(Scenario.ACCOUNT, "222222222222");
    DriftReport r = drift(both.unreadable("222222222222"), both);
    assertThat(r.added()).isEmpty();
    assertThat(r.unknown()).isNotEmpty();
  }

  @Test
  void findingsNewAndResolved() {
    Snapshot s = Scenario.contained().snapshot();
    Finding publicFail = finding("AF-NET-001", Status.FAIL, RT);
    Finding publicPass = finding("AF-NET-001", Status.PASS, RT);
    Finding dnsFail = finding("AF-DNS-001", Status.FAIL, "vpc-1");
    Finding dnsPass = finding("AF-DNS-001", Status.PASS, "vpc-1");
    Finding unknownRoute = finding("AF-EGR-001", Status.UNKNOWN, "rtb-1");
    Finding failRoute = finding("AF-EGR-001", Status.FAIL, "rtb-1");

    DriftReport r = drift(s, List.of(publicPass, dnsFail, failRoute), s, List.of(publicFail, dnsPass, unknownRoute));

    assertThat(r.newFindings()).extracting(FindingChange::ruleId, FindingChange::before, FindingChange::after)
        .containsExactly(tuple("AF-NET-001", Optional.of(Status.PASS), Optional.of(Status.FAIL)));
    // the route finding turned UNKNOWN: not resolved, we cannot say
    assertThat(r.resolvedFindings()).extracting(FindingChange::ruleId, FindingChange::after)
        .containsExactly(tuple("AF-DNS-001", Optional.of(Status.PASS)));
  }

  @Test
  void aFailingFindingWhoseScopeBecameUnreadableIsNotResolved() {
    Scenario both = Scenario.contained().withAccounts(Scenario.ACCOUNT, "222222222222");
    Finding fail = new Finding("AF-NET-001", Status.FAIL, Severity.HIGH,
        new ResourceRef("runtime", "rt-222222222222", null, "222222222222", Scenario.REGION), "PUBLIC", List.of(),
        Map.of());
    DriftReport r = drift(both.snapshot(), List.of(fail), both.unreadable("222222222222").snapshot(), List.of());
    assertThat(r.resolvedFindings()).isEmpty();

    DriftReport gone = drift(both.snapshot(), List.of(fail), both.snapshot(), List.of());
    assertThat(gone.resolvedFindings()).extracting(FindingChange::ruleId).containsExactly("AF-NET-001");
  }

  @Test
  void rendersTextMarkdownAndJson() {
    Scenario s0 = Scenario.contained();
    DriftReport r = drift(s0, s0.routeToNat());
    assertThat(DriftRendering.text(r)).contains("~ route-table rtb-1 (111111111111/us-east-1)",
        "routes[0.0.0.0/0]: NETWORK_INTERFACE eni-inspect1 -> NAT_GATEWAY nat-0abc");
    assertThat(DriftRendering.markdown(r)).contains(
        "| route-table rtb-1 (111111111111/us-east-1) | routes[0.0.0.0/0] | NETWORK_INTERFACE eni-inspect1 |"
            + " NAT_GATEWAY nat-0abc |");
    assertThat(DriftRendering.json(r)).contains("\"field\" : \"routes[0.0.0.0/0]\"", "\"after\" : \"NAT_GATEWAY nat-0abc\"");
  }

  private static Finding finding(String rule, Status status, String id) {
    return new Finding(rule, status, Severity.HIGH, new ResourceRef("runtime", id, null, Scenario.ACCOUNT,
        Scenario.REGION), rule + " " + status, List.of(), Map.of());
  }
}
