package io.agentfence.checks.guardrail;

import static io.agentfence.checks.guardrail.Fx.A1;
import static io.agentfence.checks.guardrail.Fx.A2;
import static io.agentfence.checks.guardrail.Fx.ACCT;
import static io.agentfence.checks.guardrail.Fx.FOUR;
import static io.agentfence.checks.guardrail.Fx.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.finding.Finding;
import io.agentfence.finding.Status;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** AF-GRD-002..006 on managed-policy guardrails: PASS, FAIL and UNKNOWN each. */
class GuardrailScenarioRulesTest {
  static Finding only(List<Finding> findings) {
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }

  static Finding run(io.agentfence.check.Check check, String guardrail) {
    return only(Fx.run(check, Fx.account(ACCT, guardrail, true), Fx.managedBaseline()));
  }

  static Finding unread(io.agentfence.check.Check check) {
    return only(Fx.run(check, Fx.account(ACCT, Fx.good(), false), Fx.managedBaseline()));
  }

  static final String PLAIN = Fx.policy(
      Fx.stmt("DenyPlainSubnets", FOUR, "*", "{\"StringNotEquals\":{\"bedrock-agentcore:subnets\":" + Fx.list(List.of(A1, A2)) + "}}"),
      Fx.stmt("DenyPlainSGs", FOUR, "*", "{\"StringNotEquals\":{\"bedrock-agentcore:securityGroups\":\"" + Fx.G1 + "\"}}"));

  @Nested
  class PublicMode {
    GuardrailAllowsPublicModeCheck check = new GuardrailAllowsPublicModeCheck();

    @Test
    void recommendedFormPasses() {
      Finding f = run(check, Fx.good());
      assertThat(f.status()).isEqualTo(Status.PASS);
      assertThat(f.ruleId()).isEqualTo("AF-GRD-002");
      assertThat(f.resource().arn()).isEqualTo(Fx.arn(ACCT, NAME));
    }

    @Test
    void anyValueOnlyFailsNamingScenarioAndStatement() {
      Finding f = run(check, Fx.anyValueOnly());
      assertThat(f.status()).isEqualTo(Status.FAIL);
      assertThat(f.properties()).containsEntry("scenario", "public-create,sandbox-code-interpreter,update-to-public");
      assertThat(f.message()).contains("PUBLIC-mode CreateAgentRuntime (no subnets/securityGroups keys) is NOT denied"
          + " — not denied: Deny policy AgentCoreVpcGuardrail DenyIfNotSpecificSubnets: ForAnyValue:StringNotEquals"
          + " bedrock-agentcore:subnets is false: the key is absent");
      assertThat(f.properties().get("statementSid")).contains("DenyIfNotSpecificSubnets");
      assertThat(f.chain()).contains("scenario public-create (NOT_DENIED, must be DENIED)");
    }

    @Test
    void plainStringNotEqualsStopsPublicModeByTheAbsentKeyRule() {
      assertThat(run(check, PLAIN).status()).isEqualTo(Status.PASS);
    }

    @Test
    void unreadIamIsUnknown() {
      Finding f = unread(check);
      assertThat(f.status()).isEqualTo(Status.UNKNOWN);
      assertThat(f.message()).isEqualTo("IAM of account 222222222222 was not read (DENIED, AccessDenied)");
    }

    @Test
    void unparsableGuardrailIsUnknown() {
      Finding f = run(check, "{\"Statement\": [ {\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\","
          + " \"Condition\": {\"StringEqualz\": {\"k\": \"v\"}}}]}");
      assertThat(f.status()).isEqualTo(Status.UNKNOWN);
      assertThat(f.message()).contains("unknown condition operator \"StringEqualz\"");
    }
  }

  @Nested
  class ForeignNetwork {
    GuardrailAllowsForeignNetworkCheck check = new GuardrailAllowsForeignNetworkCheck();

    @Test
    void recommendedFormPasses() {
      assertThat(run(check, Fx.good()).status()).isEqualTo(Status.PASS);
    }

    @Test
    void forAllValuesLetsMixedSubnetsThrough() {
      Finding f = run(check, Fx.allValues());
      assertThat(f.status()).isEqualTo(Status.FAIL);
      assertThat(f.properties()).containsEntry("scenario", "approved-plus-foreign-subnet,foreign-security-group");
      assertThat(f.message()).contains("VPC CreateAgentRuntime, one approved and one foreign subnet is NOT denied");
      assertThat(f.message()).contains("Deny policy AgentCoreVpcGuardrail DenyForeignSubnets: ForAllValues:StringNotEquals"
          + " bedrock-agentcore:subnets is false: not every request value satisfies StringNotEquals");
    }

    @Test
    void plainOperatorOnMultivaluedKeyFailsWithTheConservativeNote() {
      Finding f = run(check, PLAIN);
      assertThat(f.status()).isEqualTo(Status.FAIL);
      assertThat(f.properties().get("scenario")).contains("all-foreign-subnets");
      assertThat(f.message()).contains("AWS does not document a plain (non-set) operator on a multivalued key");
    }

    @Test
    void unreadIamIsUnknown() {
      assertThat(unread(check).status()).isEqualTo(Status.UNKNOWN);
    }
  }

  @Nested
  class ScopeGap {
    GuardrailScopeGapCheck check = new GuardrailScopeGapCheck();

    @Test
    void recommendedFormPasses() {
      assertThat(run(check, Fx.good()).status()).isEqualTo(Status.PASS);
    }

    @Test
    void missingCreateBrowserFails() {
      String three = "[\"bedrock-agentcore:CreateAgentRuntime\",\"bedrock-agentcore:UpdateAgentRuntime\","
          + "\"bedrock-agentcore:CreateCodeInterpreter\"]";
      Finding f = run(check, Fx.good(List.of(A1, A2), three, "*"));
      assertThat(f.status()).isEqualTo(Status.FAIL);
      assertThat(f.properties()).containsEntry("actions", "bedrock-agentcore:CreateBrowser");
      assertThat(f.message()).contains("bedrock-agentcore:CreateBrowser with no network keys (PUBLIC/SANDBOX) is not"
          + " denied: statement policy AgentCoreVpcGuardrail DenyNoSubnets would deny it, but Action");
    }

    @Test
    void runtimeScopedResourceMissesTheCreates() {
      Finding f = run(check, Fx.good(List.of(A1, A2), FOUR, "arn:aws:bedrock-agentcore:*:*:runtime/*"));
      assertThat(f.status()).isEqualTo(Status.FAIL);
      assertThat(f.properties().get("actions")).isEqualTo("bedrock-agentcore:CreateAgentRuntime,"
          + "bedrock-agentcore:CreateBrowser,bedrock-agentcore:CreateCodeInterpreter");
      assertThat(f.message()).contains("has no resource type, so only Resource \"*\" applies");
    }

    @Test
    void unreadIamIsUnknown() {
      assertThat(unread(check).status()).isEqualTo(Status.UNKNOWN);
    }
  }

  @Nested
  class BreaksDeployments {
    GuardrailBreaksDeploymentsCheck check = new GuardrailBreaksDeploymentsCheck();

    @Test
    void recommendedFormPassesAndStatesTheUpdateCost() {
      Finding f = run(check, Fx.good());
      assertThat(f.status()).isEqualTo(Status.PASS);
      assertThat(f.message()).contains("Cost by design: UpdateAgentRuntime calls that omit networkConfiguration are"
          + " denied by policy AgentCoreVpcGuardrail DenyNoSubnets");
    }

    @Test
    void nullDenyOnCreateStarBreaksEndpointCreation() {
      String createStar = "[\"bedrock-agentcore:Create*\",\"bedrock-agentcore:UpdateAgentRuntime\"]";
      Finding f = run(check, Fx.good(List.of(A1, A2), createStar, "*"));
      assertThat(f.status()).isEqualTo(Status.FAIL);
      assertThat(f.properties()).containsEntry("scenario", "runtime-endpoint-create");
      assertThat(f.message()).contains("CreateAgentRuntimeEndpoint (never carries network keys) is DENIED — denied by"
          + " policy AgentCoreVpcGuardrail DenyNoSubnets");
      assertThat(f.message()).contains("may break every runtime creation");
    }

    @Test
    void unreadIamIsUnknown() {
      assertThat(unread(check).status()).isEqualTo(Status.UNKNOWN);
    }
  }

  @Nested
  class ApprovedSet {
    GuardrailApprovedSetCheck check = new GuardrailApprovedSetCheck();

    @Test
    void sameSetPasses() {
      assertThat(run(check, Fx.good()).status()).isEqualTo(Status.PASS);
    }

    @Test
    void differentSetFailsBothWays() {
      Finding f = run(check, Fx.good(List.of(A1, "subnet-0eeeeeeeeeeeeeee9"), FOUR, "*"));
      assertThat(f.status()).isEqualTo(Status.FAIL);
      assertThat(f.message()).contains("lets through ids the baseline does not approve: subnet-0eeeeeeeeeeeeeee9");
      assertThat(f.message()).contains("denies baseline-approved ids: " + A2
          + " (denied by policy AgentCoreVpcGuardrail DenyUnapprovedSubnets)");
    }

    @Test
    void unreadIamIsUnknown() {
      assertThat(unread(check).status()).isEqualTo(Status.UNKNOWN);
    }
  }
}
