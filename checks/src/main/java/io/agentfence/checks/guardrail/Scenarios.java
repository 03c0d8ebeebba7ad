package io.agentfence.checks.guardrail;

import static io.agentfence.checks.guardrail.GuardrailActions.CREATE_CODE_INTERPRETER;
import static io.agentfence.checks.guardrail.GuardrailActions.CREATE_RUNTIME;
import static io.agentfence.checks.guardrail.GuardrailActions.CREATE_RUNTIME_ENDPOINT;
import static io.agentfence.checks.guardrail.GuardrailActions.FOREIGN_SECURITY_GROUP;
import static io.agentfence.checks.guardrail.GuardrailActions.FOREIGN_SUBNET;
import static io.agentfence.checks.guardrail.GuardrailActions.SECURITY_GROUPS;
import static io.agentfence.checks.guardrail.GuardrailActions.SUBNETS;
import static io.agentfence.checks.guardrail.GuardrailActions.UPDATE_RUNTIME;

import io.agentfence.checks.guardrail.GuardrailActions.ScenarioPrincipal;
import io.agentfence.checks.guardrail.Scenario.Expectation;
import io.agentfence.iam.AccessRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The request scenarios every guardrail is evaluated on (issue 4, Guardrail). PUBLIC and SANDBOX
 * requests carry neither network key (iam-semantics §0.3); VPC requests carry both.
 */
public final class Scenarios {
  public static final String PUBLIC_CREATE = "public-create";
  public static final String SANDBOX_CODE_INTERPRETER = "sandbox-code-interpreter";
  public static final String APPROVED_VPC_CREATE = "approved-vpc-create";
  public static final String MIXED_SUBNETS = "approved-plus-foreign-subnet";
  public static final String FOREIGN_SUBNETS = "all-foreign-subnets";
  public static final String FOREIGN_SECURITY_GROUP_ID = "foreign-security-group";
  public static final String UPDATE_TO_PUBLIC = "update-to-public";
  public static final String UPDATE_WITHOUT_NETWORK = "update-without-network-config";
  public static final String ENDPOINT_CREATE = "runtime-endpoint-create";

  private Scenarios() {}

  /**
   * @param approvedSubnets approved subnet ids (the baseline's); at least one is used
   * @param approvedSgs     approved security group ids
   */
  public static List<Scenario> all(List<String> approvedSubnets, List<String> approvedSgs, ScenarioPrincipal p) {
    String[] subnets = approvedSubnets.isEmpty() ? new String[] {"subnet-agentfenceapproved"} : approvedSubnets.toArray(String[]::new);
    String[] sgs = approvedSgs.isEmpty() ? new String[] {"sg-agentfenceapproved"} : approvedSgs.toArray(String[]::new);
    List<Scenario> out = new ArrayList<>();
    out.add(new Scenario(PUBLIC_CREATE, "PUBLIC-mode CreateAgentRuntime (no subnets/securityGroups keys)",
        GuardrailActions.request(CREATE_RUNTIME, p), Expectation.MUST_DENY));
    out.add(new Scenario(SANDBOX_CODE_INTERPRETER, "SANDBOX-mode CreateCodeInterpreter (no network keys)",
        GuardrailActions.request(CREATE_CODE_INTERPRETER, p), Expectation.MUST_DENY));
    out.add(new Scenario(APPROVED_VPC_CREATE, "VPC CreateAgentRuntime, all subnets and security groups approved",
        vpc(CREATE_RUNTIME, p, subnets, sgs), Expectation.MUST_ALLOW));
    out.add(new Scenario(MIXED_SUBNETS, "VPC CreateAgentRuntime, one approved and one foreign subnet",
        vpc(CREATE_RUNTIME, p, new String[] {subnets[0], FOREIGN_SUBNET}, sgs), Expectation.MUST_DENY));
    out.add(new Scenario(FOREIGN_SUBNETS, "VPC CreateAgentRuntime, only foreign subnets",
        vpc(CREATE_RUNTIME, p, new String[] {FOREIGN_SUBNET}, sgs), Expectation.MUST_DENY));
    out.add(new Scenario(FOREIGN_SECURITY_GROUP_ID, "VPC CreateAgentRuntime, approved subnets, an approved and a foreign security group",
        vpc(CREATE_RUNTIME, p, subnets, new String[] {sgs[0], FOREIGN_SECURITY_GROUP}), Expectation.MUST_DENY));
    out.add(new Scenario(UPDATE_TO_PUBLIC, "UpdateAgentRuntime switching to PUBLIC mode (no network keys)",
        GuardrailActions.request(UPDATE_RUNTIME, p), Expectation.MUST_DENY));
    out.add(new Scenario(UPDATE_WITHOUT_NETWORK,
        "UpdateAgentRuntime without networkConfiguration (no network keys; IAM cannot tell it from a switch to PUBLIC)",
        GuardrailActions.request(UPDATE_RUNTIME, p), Expectation.INFO));
    out.add(new Scenario(ENDPOINT_CREATE, "CreateAgentRuntimeEndpoint (never carries network keys)",
        GuardrailActions.request(CREATE_RUNTIME_ENDPOINT, p), Expectation.MUST_ALLOW));
    return out;
  }

  static AccessRequest vpc(String action, ScenarioPrincipal p, String[] subnets, String[] sgs) {
    return GuardrailActions.request(action, p).with(SUBNETS, subnets).with(SECURITY_GROUPS, sgs);
  }
}
