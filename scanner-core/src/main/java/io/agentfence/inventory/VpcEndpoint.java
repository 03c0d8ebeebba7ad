package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/**
 * A VPC endpoint (DescribeVpcEndpoints).
 *
 * @param type              {@code Interface}, {@code Gateway} or {@code GatewayLoadBalancer}
 * @param state             {@code available}, {@code pending}, ... (lower-case, as EC2 returns it)
 * @param policyDocument    the endpoint policy, when the endpoint type has one
 */
public record VpcEndpoint(
    String id,
    String vpcId,
    String serviceName,
    String type,
    String state,
    boolean privateDnsEnabled,
    List<String> subnetIds,
    List<String> routeTableIds,
    List<String> securityGroupIds,
    Optional<PolicyDocument> policyDocument) {
  public VpcEndpoint {
    Values.require(id, "vpc endpoint id");
    Values.require(vpcId, "vpc endpoint vpcId");
    Values.require(serviceName, "vpc endpoint serviceName");
    type = type == null ? "Interface" : type;
    state = state == null ? "available" : state;
    subnetIds = Values.list(subnetIds);
    routeTableIds = Values.list(routeTableIds);
    securityGroupIds = Values.list(securityGroupIds);
    policyDocument = Values.opt(policyDocument);
  }
}
