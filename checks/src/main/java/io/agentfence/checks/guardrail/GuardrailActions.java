package io.agentfence.checks.guardrail;

import io.agentfence.iam.AccessRequest;
import java.util.List;
import java.util.Optional;

/**
 * The AgentCore actions a containment guardrail is about [D SAR-AC]: the four that carry
 * {@code bedrock-agentcore:subnets}/{@code securityGroups}, and CreateAgentRuntimeEndpoint, which
 * carries neither. CreateAgentRuntime, CreateBrowser and CreateCodeInterpreter have no resource
 * type; UpdateAgentRuntime and CreateAgentRuntimeEndpoint act on a runtime ARN.
 */
public final class GuardrailActions {
  public static final String SUBNETS = "bedrock-agentcore:subnets";
  public static final String SECURITY_GROUPS = "bedrock-agentcore:securityGroups";

  public static final String CREATE_RUNTIME = "bedrock-agentcore:CreateAgentRuntime";
  public static final String UPDATE_RUNTIME = "bedrock-agentcore:UpdateAgentRuntime";
  public static final String CREATE_BROWSER = "bedrock-agentcore:CreateBrowser";
  public static final String CREATE_CODE_INTERPRETER = "bedrock-agentcore:CreateCodeInterpreter";
  public static final String CREATE_RUNTIME_ENDPOINT = "bedrock-agentcore:CreateAgentRuntimeEndpoint";

  /** The actions that must be denied outside the landing zone. */
  public static final List<String> GUARDED = List.of(CREATE_RUNTIME, UPDATE_RUNTIME, CREATE_BROWSER, CREATE_CODE_INTERPRETER);

  /** Foreign IDs for scenarios; valid by the API's ID patterns, never in a baseline. */
  public static final String FOREIGN_SUBNET = "subnet-agentfenceforeign";
  public static final String FOREIGN_SECURITY_GROUP = "sg-agentfenceforeign";

  private GuardrailActions() {}

  /** True for the actions that act on a runtime ARN rather than on "*". */
  public static boolean hasRuntimeResource(String action) {
    return action.equalsIgnoreCase(UPDATE_RUNTIME) || action.equalsIgnoreCase(CREATE_RUNTIME_ENDPOINT);
  }

  /** The resource a scenario request names: a runtime ARN, or none for resource-less actions. */
  public static Optional<String> resourceFor(String action, String region, String account) {
    return hasRuntimeResource(action)
        ? Optional.of("arn:aws:bedrock-agentcore:" + region + ":" + account + ":runtime/agentfence-scenario-runtime")
        : Optional.empty();
  }

  /** A request from a generic deployer principal, with the global keys IAM always adds. */
  public static AccessRequest request(String action, ScenarioPrincipal p) {
    AccessRequest r = new AccessRequest(action, resourceFor(action, p.region(), p.account()), java.util.Map.of());
    return r.with("aws:PrincipalArn", p.principalArn())
        .with("aws:PrincipalAccount", p.account())
        .with("aws:RequestedRegion", p.region());
  }

  /** Who and where the scenario requests come from. */
  public record ScenarioPrincipal(String account, String region, String principalArn) {
    public static ScenarioPrincipal generic(String account, String region) {
      return new ScenarioPrincipal(account, region, "arn:aws:iam::" + account + ":role/agentfence-scenario-deployer");
    }
  }
}
