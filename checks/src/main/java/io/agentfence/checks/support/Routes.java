package io.agentfence.checks.support;

import io.agentfence.inventory.Route;
import io.agentfence.inventory.RouteTable;
import java.util.Optional;

/** Longest-prefix match over a route table, as the VPC router does it. */
public final class Routes {
  private Routes() {}

  /**
   * The route that carries traffic for {@code destination}: among the CIDR routes of the same
   * family whose prefix contains it, the most specific one. Prefix-list routes are not matched
   * (their contents are not collected). Blackhole routes are returned: the router still picks them.
   */
  public static Optional<Route> longestMatch(RouteTable table, Cidr destination) {
    Route best = null;
    int bestLen = -1;
    for (Route r : table.routes()) {
      Optional<Cidr> c = cidrOf(r);
      if (c.isPresent() && c.get().contains(destination) && c.get().prefixLength() > bestLen) {
        best = r;
        bestLen = c.get().prefixLength();
      }
    }
    return Optional.ofNullable(best);
  }

  /** The route's IPv4 or IPv6 destination as a prefix; empty for prefix lists or malformed text. */
  public static Optional<Cidr> cidrOf(Route r) {
    return r.destinationCidrBlock().or(r::destinationIpv6CidrBlock).flatMap(Cidr::parse);
  }

  public static boolean isBlackhole(Route r) {
    return "blackhole".equalsIgnoreCase(r.state());
  }

  public static boolean isActive(Route r) {
    return "active".equalsIgnoreCase(r.state());
  }
}
