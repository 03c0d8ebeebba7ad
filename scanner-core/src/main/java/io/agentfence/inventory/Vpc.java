package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/**
 * A VPC.
 *
 * @param dhcpOptionsId     the associated DHCP options set, or {@code default} when none is
 * @param enableDnsSupport  DescribeVpcAttribute enableDnsSupport; empty when it could not be read
 */
public record Vpc(
    String id,
    List<String> cidrBlocks,
    List<String> ipv6CidrBlocks,
    String dhcpOptionsId,
    Optional<Boolean> enableDnsSupport,
    boolean defaultVpc) {
  public Vpc {
    Values.require(id, "vpc id");
    cidrBlocks = Values.list(cidrBlocks);
    ipv6CidrBlocks = Values.list(ipv6CidrBlocks);
    dhcpOptionsId = dhcpOptionsId == null ? "default" : dhcpOptionsId;
    enableDnsSupport = Values.opt(enableDnsSupport);
  }
}
