package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Map;

/**
 * An ENI tagged {@code AmazonBedrockAgentCoreManaged=true}. AgentCore shares ENIs between agents
 * with the same (subnet, security groups) and keeps them up to ~8 h after delete, so they are
 * matched to runtimes by that pair, never one to one.
 *
 * @param interfaceType the raw string (e.g. {@code agentic_ai}, unknown to SDK 2.40.2's enum)
 */
public record NetworkInterface(
    String id,
    String subnetId,
    String vpcId,
    String interfaceType,
    String status,
    String privateIpAddress,
    List<String> securityGroupIds,
    Map<String, String> tags) {
  public NetworkInterface {
    Values.require(id, "network interface id");
    subnetId = subnetId == null ? "" : subnetId;
    vpcId = vpcId == null ? "" : vpcId;
    interfaceType = interfaceType == null ? "" : interfaceType;
    status = status == null ? "" : status;
    privateIpAddress = privateIpAddress == null ? "" : privateIpAddress;
    securityGroupIds = Values.list(securityGroupIds);
    tags = Values.map(tags);
  }
}
