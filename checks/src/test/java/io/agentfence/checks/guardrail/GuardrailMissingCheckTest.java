package io.agentfence.checks.guardrail;

import static io.agentfence.checks.guardrail.Fx.ACCT;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.baseline.Baseline;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Status;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.IamInventory;
import io.agentfence.inventory.Snapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardrailMissingCheckTest {
  final GuardrailMissingCheck check = new GuardrailMissingCheck();

  @Test
  void attachedManagedPolicyPasses() {
    List<Finding> f = Fx.run(check, Fx.account(ACCT, Fx.good(), true), Fx.managedBaseline());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.status()).isEqualTo(Status.PASS);
      assertThat(x.message()).isEqualTo("Guardrail in effect in account 222222222222: managed policy"
          + " AgentCoreVpcGuardrail attached to role AgentDeployer.");
    });
  }

  @Test
  void absentPolicyFails() {
    List<Finding> f = Fx.run(check, Fx.account(ACCT, null, true), Fx.managedBaseline());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.status()).isEqualTo(Status.FAIL);
      assertThat(x.message()).contains("managed policy AgentCoreVpcGuardrail does not exist in the account");
    });
  }

  @Test
  void policyAttachedNowhereFails() {
    Snapshot s = Fx.account(ACCT, Fx.good(), true);
    AccountInventory a = s.accounts().get(0);
    Snapshot detached = Snapshot.of(s.collection(), s.organization(), List.of(new AccountInventory(a.account(),
        new IamInventory(a.iam().policies(), List.of()), a.regions())), s.coverage());
    assertThat(Fx.run(check, detached, Fx.managedBaseline())).singleElement().satisfies(x -> {
      assertThat(x.status()).isEqualTo(Status.FAIL);
      assertThat(x.message()).contains("exists but is attached to no user, group or role");
    });
  }

  @Test
  void unreadIamIsUnknown() {
    assertThat(Fx.run(check, Fx.account(ACCT, Fx.good(), false), Fx.managedBaseline()))
        .singleElement().satisfies(x -> assertThat(x.status()).isEqualTo(Status.UNKNOWN));
  }

  @Test
  void scpAppliesOnlyOnItsOuPath() {
    Baseline b = Fx.baseline(List.of(), List.of(Fx.SCP_NAME));
    List<Finding> f = Fx.run(check, Fx.org(Fx.good(), true), b);
    assertThat(f).extracting(x -> x.resource().id() + " " + x.status())
        .containsExactly("222222222222 PASS", "444444444444 FAIL");
    assertThat(f.get(1).message()).isEqualTo("No guardrail in effect in account 444444444444: SCP"
        + " DenyAgentCoreOutsideLandingZone is attached to ou-prod, not on the account's path r-root → ou-dev → 444444444444.");
  }

  @Test
  void unreadOrganizationIsUnknownForAnScpGuardrail() {
    Baseline b = Fx.baseline(List.of(), List.of(Fx.SCP_NAME));
    assertThat(Fx.run(check, Fx.org(Fx.good(), false), b)).extracting(Finding::status)
        .containsOnly(Status.UNKNOWN);
  }

  @Test
  void baselineWithoutGuardrailLeavesTheExposureToTheCoverageRule() {
    Baseline none = new Baseline(1, "b.yaml", List.of(), null, Map.of(), List.of());
    var snap = Fx.account(ACCT, null, true, "Admin");
    assertThat(Fx.run(check, snap, none)).isEmpty();
    assertThat(Fx.run(new GuardrailCoverageCheck(), snap, none)).extracting(x -> x.resource().id() + " " + x.status())
        .containsExactly("AgentDeployer FAIL", "Admin FAIL");
  }
}
