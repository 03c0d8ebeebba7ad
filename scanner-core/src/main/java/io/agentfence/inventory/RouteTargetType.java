package io.agentfence.inventory;

/** The EC2 {@code Route} member that holds the target id (wire name in comments). */
public enum RouteTargetType {
  /** gatewayId: local, igw-, vgw-, vpce- (gateway and GWLB endpoints). */
  GATEWAY,
  /** natGatewayId. */
  NAT_GATEWAY,
  /** transitGatewayId. */
  TRANSIT_GATEWAY,
  /** vpcPeeringConnectionId. */
  VPC_PEERING_CONNECTION,
  /** networkInterfaceId. */
  NETWORK_INTERFACE,
  /** instanceId. */
  INSTANCE,
  /** egressOnlyInternetGatewayId. */
  EGRESS_ONLY_INTERNET_GATEWAY,
  /** localGatewayId. */
  LOCAL_GATEWAY,
  /** carrierGatewayId. */
  CARRIER_GATEWAY,
  /** coreNetworkArn. */
  CORE_NETWORK
}
