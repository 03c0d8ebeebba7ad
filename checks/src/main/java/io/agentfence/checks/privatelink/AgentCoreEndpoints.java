package io.agentfence.checks.privatelink;

import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.VpcEndpoint;
import java.util.List;
import java.util.Optional;

/** The two AgentCore interface endpoint services a landing-zone VPC needs, and lookups for them. */
final class AgentCoreEndpoints {
  private AgentCoreEndpoints() {}

  /** Data plane (runtime, tools, memory, identity) and control plane service names. */
  static List<String> services(String region) {
    return List.of("com.amazonaws." + region + ".bedrock-agentcore",
        "com.amazonaws." + region + ".bedrock-agentcore-control");
  }

  /** The interface endpoints for {@code service} in the VPC, available ones first. */
  static List<VpcEndpoint> find(Optional<RegionInventory> inv, String vpcId, String service) {
    return inv.map(r -> r.vpcEndpoints().stream()
            .filter(e -> e.vpcId().equals(vpcId) && e.serviceName().equals(service)
                && e.type().equalsIgnoreCase("Interface"))
            .sorted((a, b) -> Boolean.compare(!available(a), !available(b)))
            .toList())
        .orElse(List.of());
  }

  static boolean available(VpcEndpoint e) {
    return e.state().equalsIgnoreCase("available");
  }
}
