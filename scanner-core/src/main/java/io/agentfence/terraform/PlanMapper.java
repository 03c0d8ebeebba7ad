package io.agentfence.terraform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which resource types enter the inventory model and how, in two phases: resources that stand on
 * their own first, then those that change another (a route changes a table, an attachment a role),
 * so the order of the plan's list does not matter.
 */
final class PlanMapper {
  /** Types whose model is being added by other work: listed as ignored with this note until then. */
  static final Map<String, String> PENDING = Map.of(
      "aws_route53_zone", "Route 53 private hosted zones are not in the inventory model yet (issue #11)",
      "aws_route53_record", "Route 53 records are not in the inventory model yet (issue #11)",
      "aws_route53_zone_association", "Route 53 zone associations are not in the inventory model yet (issue #11)",
      "aws_bedrockagentcore_gateway_target", "AgentCore gateway targets are not in the inventory model yet (issue #12)",
      "awscc_bedrockagentcore_gateway_target", "AgentCore gateway targets are not in the inventory model yet (issue #12)",
      "aws_bedrockagentcore_gateway", "AgentCore gateways are not in the inventory model yet (issue #12)",
      "awscc_bedrockagentcore_gateway", "AgentCore gateways are not in the inventory model yet (issue #12)");

  private static final Map<String, Function<Apply, Optional<String>>> FIRST = new LinkedHashMap<>();
  private static final Map<String, Function<Apply, Optional<String>>> SECOND = new LinkedHashMap<>();

  static {
    AgentCoreMapping.RUNTIMES.forEach(t -> FIRST.put(t, AgentCoreMapping::runtime));
    AgentCoreMapping.BROWSERS.forEach(t -> FIRST.put(t, AgentCoreMapping::browser));
    AgentCoreMapping.CODE_INTERPRETERS.forEach(t -> FIRST.put(t, AgentCoreMapping::codeInterpreter));
    FIRST.put("aws_vpc", NetworkMapping::vpc);
    FIRST.put("aws_subnet", NetworkMapping::subnet);
    FIRST.put("aws_route_table", a -> NetworkMapping.routeTable(a, false));
    FIRST.put("aws_default_route_table", a -> NetworkMapping.routeTable(a, true));
    FIRST.put("aws_vpc_dhcp_options", NetworkMapping::dhcpOptions);
    FIRST.put("aws_vpc_endpoint", NetworkMapping::endpoint);
    FIRST.put("aws_security_group", NetworkMapping::securityGroup);
    FIRST.put("aws_iam_policy", IamMapping::policy);
    FIRST.put("aws_iam_role", IamMapping::role);
    FIRST.put("aws_organizations_policy", IamMapping::scp);
    AgentCoreMapping.ENDPOINTS.forEach(t -> SECOND.put(t, AgentCoreMapping::endpoint));
    SECOND.put("aws_route", NetworkMapping::standaloneRoute);
    SECOND.put("aws_route_table_association", NetworkMapping::association);
    SECOND.put("aws_main_route_table_association", NetworkMapping::mainAssociation);
    SECOND.put("aws_vpc_dhcp_options_association", NetworkMapping::dhcpAssociation);
    SECOND.put("aws_vpc_endpoint_policy", NetworkMapping::endpointPolicy);
    SECOND.put("aws_iam_role_policy", IamMapping::rolePolicy);
    SECOND.put("aws_iam_role_policy_attachment", IamMapping::attachment);
    SECOND.put("aws_organizations_policy_attachment", IamMapping::scpAttachment);
  }

  private PlanMapper() {}

  /** The mapping of a type in a phase (0 or 1), if it has one there. */
  static Optional<Function<Apply, Optional<String>>> mapping(String type, int phase) {
    return Optional.ofNullable((phase == 0 ? FIRST : SECOND).get(type));
  }

  static boolean modelled(String type) {
    return FIRST.containsKey(type) || SECOND.containsKey(type);
  }

  /** Why a managed resource of this type is not modelled. */
  static String ignoredReason(String type) {
    return PENDING.getOrDefault(type, type.startsWith("aviatrix_")
        ? "Aviatrix resources are not in the inventory model yet (DCF state, issue #15)"
        : "no agentfence rule reads this resource type");
  }
}
