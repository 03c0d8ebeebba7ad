package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;

/**
 * One IpPermission of a security group.
 *
 * @param protocol  {@code -1} for all, {@code tcp}, {@code udp}, {@code icmp} or a number
 * @param fromPort  first port, -1 when not applicable
 * @param toPort    last port, -1 when not applicable
 */
public record SecurityGroupRule(
    String protocol,
    int fromPort,
    int toPort,
    List<String> ipv4Ranges,
    List<String> ipv6Ranges,
    List<String> prefixListIds,
    List<String> groupIds) {
  public SecurityGroupRule {
    protocol = protocol == null ? "-1" : protocol;
    ipv4Ranges = Values.list(ipv4Ranges);
    ipv6Ranges = Values.list(ipv6Ranges);
    prefixListIds = Values.list(prefixListIds);
    groupIds = Values.list(groupIds);
  }
}
