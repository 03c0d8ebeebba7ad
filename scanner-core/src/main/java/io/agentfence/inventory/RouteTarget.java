package io.agentfence.inventory;

import io.agentfence.util.Values;

/**
 * Where a route sends traffic: the EC2 {@code Route} field that carried the target, and its id.
 * {@link #kind()} refines {@code gatewayId}, which EC2 uses for the local route, internet and
 * virtual private gateways and gateway VPC endpoints alike.
 */
public record RouteTarget(RouteTargetType type, String id) {
  public RouteTarget {
    if (type == null) {
      throw new IllegalArgumentException("route target type is required");
    }
    Values.require(id, "route target id");
  }

  public static RouteTarget gateway(String id) {
    return new RouteTarget(RouteTargetType.GATEWAY, id);
  }

  public RouteTargetKind kind() {
    return switch (type) {
      case GATEWAY -> {
        if (id.equals("local")) {
          yield RouteTargetKind.LOCAL;
        } else if (id.startsWith("igw-")) {
          yield RouteTargetKind.INTERNET_GATEWAY;
        } else if (id.startsWith("vgw-")) {
          yield RouteTargetKind.VIRTUAL_PRIVATE_GATEWAY;
        } else if (id.startsWith("vpce-")) {
          yield RouteTargetKind.VPC_ENDPOINT;
        } else {
          yield RouteTargetKind.OTHER;
        }
      }
      case NAT_GATEWAY -> RouteTargetKind.NAT_GATEWAY;
      case TRANSIT_GATEWAY -> RouteTargetKind.TRANSIT_GATEWAY;
      case VPC_PEERING_CONNECTION -> RouteTargetKind.VPC_PEERING;
      case NETWORK_INTERFACE -> RouteTargetKind.NETWORK_INTERFACE;
      case INSTANCE -> RouteTargetKind.INSTANCE;
      case EGRESS_ONLY_INTERNET_GATEWAY -> RouteTargetKind.EGRESS_ONLY_INTERNET_GATEWAY;
      case LOCAL_GATEWAY -> RouteTargetKind.LOCAL_GATEWAY;
      case CARRIER_GATEWAY -> RouteTargetKind.CARRIER_GATEWAY;
      case CORE_NETWORK -> RouteTargetKind.CORE_NETWORK;
    };
  }
}
