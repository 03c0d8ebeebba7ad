package io.agentfence.checks.support;

import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.ResourceRef;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.RegionInventory;
import java.util.Optional;

/**
 * Something that runs agent code and must be contained: a runtime (its latest version's network
 * configuration), a browser or a code interpreter, with the region inventory it was found in.
 *
 * @param kind    {@code runtime}, {@code browser} or {@code code-interpreter}
 * @param network empty when the configuration was not read (e.g. the latest runtime version)
 */
public record Workload(
    String kind,
    String id,
    String arn,
    String accountId,
    String region,
    Optional<NetworkConfig> network,
    RegionInventory inventory) {

  public ResourceRef ref() {
    return new ResourceRef(kind, id, arn, accountId, region);
  }

  public EvidenceLink link() {
    return EvidenceLink.of(kind, id, network.map(n -> "mode " + display(n.mode())).orElse("network configuration not read"));
  }

  public static String display(String mode) {
    return mode.isEmpty() ? "<none>" : mode;
  }

  /** The subnets of a VPC-mode workload; empty otherwise. */
  public java.util.List<String> vpcSubnets() {
    return network.filter(NetworkConfig::isVpc).map(NetworkConfig::subnets).orElse(java.util.List.of());
  }

  public boolean isVpc() {
    return network.map(NetworkConfig::isVpc).orElse(false);
  }
}
