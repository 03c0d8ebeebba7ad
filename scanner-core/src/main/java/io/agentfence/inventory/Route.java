package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.Optional;

/**
 * One route. Exactly one destination is set (IPv4 CIDR, IPv6 CIDR or prefix list).
 *
 * @param state  {@code active}, {@code blackhole} or {@code filtered}
 * @param origin {@code CreateRouteTable}, {@code CreateRoute}, {@code EnableVgwRoutePropagation}...
 */
public record Route(
    Optional<String> destinationCidrBlock,
    Optional<String> destinationIpv6CidrBlock,
    Optional<String> destinationPrefixListId,
    RouteTarget target,
    String state,
    String origin) {
  public Route {
    destinationCidrBlock = Values.opt(destinationCidrBlock);
    destinationIpv6CidrBlock = Values.opt(destinationIpv6CidrBlock);
    destinationPrefixListId = Values.opt(destinationPrefixListId);
    if (target == null) {
      throw new IllegalArgumentException("route target is required");
    }
    state = state == null ? "active" : state;
    origin = origin == null ? "CreateRoute" : origin;
  }

  /** The destination as written: CIDR, IPv6 CIDR or prefix-list id. */
  public String destination() {
    return destinationCidrBlock
        .or(() -> destinationIpv6CidrBlock)
        .or(() -> destinationPrefixListId)
        .orElse("");
  }

  public static Route ipv4(String cidr, RouteTarget target) {
    return new Route(Optional.of(cidr), Optional.empty(), Optional.empty(), target, "active", "CreateRoute");
  }
}
