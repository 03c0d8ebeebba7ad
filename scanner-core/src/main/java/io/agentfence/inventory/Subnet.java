package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;

/** A subnet of a VPC. */
public record Subnet(
    String id,
    String vpcId,
    String cidrBlock,
    List<String> ipv6CidrBlocks,
    String availabilityZone,
    String availabilityZoneId) {
  public Subnet {
    Values.require(id, "subnet id");
    Values.require(vpcId, "subnet vpcId");
    cidrBlock = cidrBlock == null ? "" : cidrBlock;
    ipv6CidrBlocks = Values.list(ipv6CidrBlocks);
    availabilityZone = availabilityZone == null ? "" : availabilityZone;
    availabilityZoneId = availabilityZoneId == null ? "" : availabilityZoneId;
  }
}
