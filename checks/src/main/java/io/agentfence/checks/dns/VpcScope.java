package io.agentfence.checks.dns;

import io.agentfence.check.CheckContext;
import io.agentfence.checks.support.LandingZones;
import io.agentfence.checks.support.Workload;
import io.agentfence.checks.support.Workloads;
import io.agentfence.inventory.Subnet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The VPCs whose DNS matters: every landing-zone VPC in scope, and every VPC a VPC-mode workload
 * actually sits in (found through the inventory's subnets), in a stable order.
 */
final class VpcScope {
  private VpcScope() {}

  record ScopedVpc(String accountId, String region, String vpcId) {}

  static List<ScopedVpc> vpcs(CheckContext ctx) {
    Set<ScopedVpc> out = new LinkedHashSet<>();
    for (LandingZones.ZoneVpc z : LandingZones.zoneVpcs(ctx)) {
      out.add(new ScopedVpc(z.accountId(), z.region(), z.vpcId()));
    }
    for (Workload w : Workloads.all(ctx.snapshot())) {
      for (String subnet : w.vpcSubnets()) {
        Optional<Subnet> s = w.inventory().subnet(subnet);
        s.ifPresent(x -> out.add(new ScopedVpc(w.accountId(), w.region(), x.vpcId())));
      }
    }
    return List.copyOf(out);
  }
}
