package io.agentfence.checks.support;

import io.agentfence.check.CheckContext;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.inventory.RegionInventory.EffectiveRouteTable;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.Route;
import io.agentfence.inventory.RouteTable;
import io.agentfence.inventory.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the route table in effect for one subnet of a workload, with the evidence chain that
 * leads to it ({@code runtime r-1 → subnet subnet-a → route-table rtb-9 (main)}), or says why it
 * cannot be known.
 */
public final class SubnetPaths {
  private SubnetPaths() {}

  /** A resolved path: the table, the chain so far and the inspection targets for its VPC. */
  public record Path(Workload workload, String subnetId, EffectiveRouteTable effective,
      List<EvidenceLink> chain, Set<String> inspectionTargets) {
    public RouteTable table() {
      return effective.table();
    }

    /** The chain extended by a route and its target, with a note on the target. */
    public List<EvidenceLink> through(Route r, String targetNote) {
      List<EvidenceLink> out = new ArrayList<>(chain);
      out.add(EvidenceLink.of("route", r.destination(), r.state().equals("active") ? "" : r.state()));
      out.add(EvidenceLink.of("target", r.target().id(), targetNote));
      return out;
    }

    public boolean isInspection(Route r) {
      return inspectionTargets.contains(r.target().id());
    }
  }

  /** Either a path or the reason it is unknown, with the chain as far as it got. */
  public record Resolution(Optional<Path> path, String unknownReason, List<EvidenceLink> chain) {}

  public static Resolution resolve(CheckContext ctx, Workload w, String subnetId) {
    List<EvidenceLink> chain = new ArrayList<>();
    chain.add(w.link());
    Optional<Subnet> subnet = w.inventory().subnet(subnetId);
    chain.add(EvidenceLink.of("subnet", subnetId, subnet.map(s -> s.vpcId()).orElse("")));
    Optional<String> rtUnread = Scopes.unread(ctx, w.accountId(), w.region(), ResourceKind.ROUTE_TABLES);
    if (rtUnread.isPresent()) {
      return new Resolution(Optional.empty(), rtUnread.get(), chain);
    }
    Optional<EffectiveRouteTable> eff = w.inventory().effectiveRouteTable(subnetId);
    if (eff.isEmpty()) {
      String why = subnet.isEmpty()
          ? "subnet " + subnetId + " has no explicit route table association and is not in the inventory, so"
              + " its VPC's main route table cannot be found"
              + Scopes.unread(ctx, w.accountId(), w.region(), ResourceKind.SUBNETS).map(u -> " (" + u + ")").orElse("")
          : "no route table is associated with subnet " + subnetId + " and VPC " + subnet.get().vpcId()
              + " has no main route table in the inventory";
      return new Resolution(Optional.empty(), why, chain);
    }
    RouteTable t = eff.get().table();
    chain.add(EvidenceLink.of("route-table", t.id(), eff.get().viaMain() ? "main" : "explicit"));
    Set<String> targets = LandingZones.inspectionTargets(ctx.baseline(), w.accountId(), w.region(), t.vpcId());
    return new Resolution(Optional.of(new Path(w, subnetId, eff.get(), List.copyOf(chain), targets)), "", chain);
  }
}
