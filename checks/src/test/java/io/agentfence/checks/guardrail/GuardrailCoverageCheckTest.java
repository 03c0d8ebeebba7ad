package io.agentfence.checks.guardrail;

import static io.agentfence.checks.guardrail.Fx.ACCT;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.baseline.Baseline;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardrailCoverageCheckTest {
  final GuardrailCoverageCheck check = new GuardrailCoverageCheck();

  static List<String> verdicts(List<Finding> f) {
    return f.stream().map(x -> x.resource().id() + " " + x.status()).toList();
  }

  @Test
  void guardedDeployerPassesAndUnguardedAdminFails() {
    List<Finding> f = Fx.run(check, Fx.account(ACCT, Fx.good(), true, "Unguarded"), Fx.managedBaseline());
    assertThat(verdicts(f)).containsExactly("AgentDeployer PASS", "Unguarded FAIL");
    assertThat(f.get(0).message()).isEqualTo("AgentDeployer may CreateAgentRuntime, UpdateAgentRuntime, CreateBrowser,"
        + " CreateCodeInterpreter (allowed by policy AgentCoreAdmin #0) and is covered by managed policy AgentCoreVpcGuardrail.");
    assertThat(f.get(1).message()).contains("Unguarded may CreateAgentRuntime").contains("no guardrail reaches it")
        .contains("CreateAgentRuntime without network keys (PUBLIC/SANDBOX)");
    assertThat(f.get(1).resource().arn()).isEqualTo("arn:aws:iam::222222222222:role/Unguarded");
  }

  @Test
  void guardrailAsPermissionsBoundaryCovers() {
    // A boundary must allow too [D EVAL-DENYALLOW]: the guardrail boundary is Allow * plus the recommended denies.
    String good = Fx.good();
    String boundary = good.replace("\"Statement\":[", "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},");
    var s = Fx.account(ACCT, boundary, true);
    var a = s.accounts().get(0);
    var role = Fx.role(ACCT, "Bounded", List.of(Fx.arn(ACCT, "AgentCoreAdmin")),
        java.util.Optional.of(Fx.arn(ACCT, Fx.NAME)));
    var iam = new io.agentfence.inventory.IamInventory(a.iam().policies(), List.of(role));
    var snap = io.agentfence.inventory.Snapshot.of(s.collection(), s.organization(),
        List.of(new io.agentfence.inventory.AccountInventory(a.account(), iam, a.regions())), s.coverage());
    List<Finding> f = Fx.run(check, snap, Fx.managedBaseline());
    assertThat(verdicts(f)).containsExactly("Bounded PASS");
    assertThat(f.get(0).message()).endsWith("is covered by permissions boundary AgentCoreVpcGuardrail.");
    assertThat(Fx.run(new GuardrailMissingCheck(), snap, Fx.managedBaseline())).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("attached to role Bounded (boundary)"));
  }

  @Test
  void flawedGuardrailDoesNotCover() {
    List<Finding> f = Fx.run(check, Fx.account(ACCT, Fx.anyValueOnly(), true), Fx.managedBaseline());
    assertThat(verdicts(f)).containsExactly("AgentDeployer FAIL");
    assertThat(f.get(0).message()).contains("the guardrail reaching it (managed policy AgentCoreVpcGuardrail) does not deny it")
        .doesNotContain("with a foreign subnet");
  }

  @Test
  void unreadIamIsUnknown() {
    assertThat(verdicts(Fx.run(check, Fx.account(ACCT, Fx.good(), false), Fx.managedBaseline())))
        .containsExactly("222222222222 UNKNOWN");
  }

  @Test
  void scpCoversItsOuOnly() {
    Baseline b = Fx.baseline(List.of(), List.of(Fx.SCP_NAME));
    List<Finding> f = Fx.run(check, Fx.org(Fx.good(), true), b);
    assertThat(f).extracting(x -> x.resource().accountId() + " " + x.resource().id() + " " + x.status())
        .containsExactly("222222222222 AgentAdmin PASS", "444444444444 AgentAdmin FAIL");
    assertThat(f.get(0).message()).contains("is covered by SCP DenyAgentCoreOutsideLandingZone");
  }

  @Test
  void aLevelWhoseOnlyScpIsTheGuardrailAllowsNothingButIsFullAccessWithoutIt() {
    // [D EVAL-DENYALLOW]: every level must allow. With FullAWSAccess shown elsewhere but not on ou-prod, the
    // guardrail SCP (deny-only) leaves ou-prod allowing nothing; set aside, the level reads as the default.
    Baseline b = Fx.baseline(List.of(), List.of(Fx.SCP_NAME));
    List<Finding> f = Fx.run(check, Fx.org(Fx.good(), true, List.of("r-root", "ou-dev", ACCT, "444444444444")), b);
    assertThat(f).extracting(x -> x.resource().accountId() + " " + x.resource().id() + " " + x.status())
        .containsExactly("222222222222 AgentAdmin PASS", "444444444444 AgentAdmin FAIL");
  }

  @Test
  void unreadOrganizationIsUnknownWhenAnScpMightCover() {
    Baseline b = Fx.baseline(List.of(), List.of(Fx.SCP_NAME));
    List<Finding> f = Fx.run(check, Fx.org(Fx.good(), false), b);
    assertThat(f).extracting(Finding::status).containsOnly(Status.UNKNOWN);
    assertThat(f.get(0).message()).contains("Organizations data was not read");
  }

  static final String READ_ONLY =
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"bedrock-agentcore:Get*\",\"Resource\":\"*\"}}";

  static io.agentfence.inventory.Snapshot withAdminPolicy(io.agentfence.inventory.Snapshot s, String json) {
    var a = s.accounts().get(0);
    var iam = new io.agentfence.inventory.IamInventory(
        List.of(Fx.managed(ACCT, "AgentCoreAdmin", json)), a.iam().principals());
    return io.agentfence.inventory.Snapshot.of(s.collection(), s.organization(),
        List.of(new io.agentfence.inventory.AccountInventory(a.account(), iam, a.regions())), s.coverage());
  }

  @Test
  void anAllowThatOnlyDemandsSomeSubnetStillCountsAsMayCreate() {
    // Null:false on the keys blocks PUBLIC but not foreign subnets: the role may still create outside the zone.
    String vpcOnly = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"bedrock-agentcore:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"Null\":{\"bedrock-agentcore:subnets\":\"false\"}}}}";
    List<Finding> f = Fx.run(check, withAdminPolicy(Fx.account(ACCT, null, true), vpcOnly), Fx.managedBaseline());
    assertThat(verdicts(f)).containsExactly("AgentDeployer FAIL");
    assertThat(f.get(0).message()).contains("CreateAgentRuntime with a foreign subnet")
        .doesNotContain("CreateAgentRuntime without network keys");
  }

  @Test
  void accountWithoutCreatorsPasses() {
    assertThat(verdicts(Fx.run(check, withAdminPolicy(Fx.account(ACCT, null, true), READ_ONLY), Fx.managedBaseline())))
        .containsExactly("222222222222 PASS");
  }

  @Test
  void missingAttachedPolicyMakesThePrincipalUnknown() {
    String readOnly = READ_ONLY;
    var s = Fx.account(ACCT, Fx.good(), true);
    var a = s.accounts().get(0);
    var iam = new io.agentfence.inventory.IamInventory(
        List.of(Fx.managed(ACCT, "AgentCoreAdmin", readOnly)), a.iam().principals());
    var snap = io.agentfence.inventory.Snapshot.of(s.collection(), s.organization(),
        List.of(new io.agentfence.inventory.AccountInventory(a.account(), iam, a.regions())), s.coverage());
    // AgentDeployer's guardrail document is missing from this IAM inventory: its grants are unknown.
    assertThat(verdicts(Fx.run(check, snap, Fx.managedBaseline()))).containsExactly("AgentDeployer UNKNOWN");
  }
}
