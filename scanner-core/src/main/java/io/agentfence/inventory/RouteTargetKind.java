package io.agentfence.inventory;

/** What a route target is, derived from its field and id prefix (see {@link RouteTarget#kind()}). */
public enum RouteTargetKind {
  LOCAL,
  INTERNET_GATEWAY,
  VIRTUAL_PRIVATE_GATEWAY,
  VPC_ENDPOINT,
  NAT_GATEWAY,
  TRANSIT_GATEWAY,
  VPC_PEERING,
  NETWORK_INTERFACE,
  INSTANCE,
  EGRESS_ONLY_INTERNET_GATEWAY,
  LOCAL_GATEWAY,
  CARRIER_GATEWAY,
  CORE_NETWORK,
  OTHER
}
