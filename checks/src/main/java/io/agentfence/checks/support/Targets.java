package io.agentfence.checks.support;

import io.agentfence.inventory.RouteTarget;
import io.agentfence.inventory.RouteTargetKind;
import java.util.EnumSet;
import java.util.Set;

/** Route target vocabulary shared by the egress rules. */
public final class Targets {
  private Targets() {}

  /**
   * Targets through which a public prefix leaves the VPC without the inspection gateway, unless the
   * target is itself a baseline inspection target (e.g. the inspection transit gateway).
   */
  public static final Set<RouteTargetKind> BYPASS_KINDS = EnumSet.of(
      RouteTargetKind.INTERNET_GATEWAY, RouteTargetKind.EGRESS_ONLY_INTERNET_GATEWAY,
      RouteTargetKind.NAT_GATEWAY, RouteTargetKind.VPC_PEERING, RouteTargetKind.TRANSIT_GATEWAY,
      RouteTargetKind.CORE_NETWORK, RouteTargetKind.CARRIER_GATEWAY);

  public static String describe(RouteTarget t) {
    switch (t.kind()) {
      case LOCAL: return "local VPC route";
      case INTERNET_GATEWAY: return "internet gateway";
      case EGRESS_ONLY_INTERNET_GATEWAY: return "egress-only internet gateway";
      case NAT_GATEWAY: return "NAT gateway";
      case VPC_PEERING: return "VPC peering connection";
      case TRANSIT_GATEWAY: return "transit gateway";
      case CORE_NETWORK: return "Cloud WAN core network";
      case CARRIER_GATEWAY: return "carrier gateway";
      case VPC_ENDPOINT: return "VPC endpoint";
      case NETWORK_INTERFACE: return "network interface";
      case INSTANCE: return "instance";
      case VIRTUAL_PRIVATE_GATEWAY: return "virtual private gateway";
      case LOCAL_GATEWAY: return "local gateway";
      default: return "gateway";
    }
  }
}
