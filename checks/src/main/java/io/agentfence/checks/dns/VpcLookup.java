package io.agentfence.checks.dns;

import io.agentfence.check.CheckContext;
import io.agentfence.checks.support.Scopes;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.Vpc;
import java.util.Optional;

/** Finds a scoped VPC in the inventory, and says why it is missing. */
final class VpcLookup {
  private VpcLookup() {}

  static Optional<RegionInventory> region(CheckContext ctx, VpcScope.ScopedVpc sv) {
    return ctx.snapshot().account(sv.accountId()).flatMap(a -> a.region(sv.region()));
  }

  /** The VPC, only when the VPC listing of its scope was read. */
  static Optional<Vpc> find(CheckContext ctx, VpcScope.ScopedVpc sv) {
    if (Scopes.unread(ctx, sv.accountId(), sv.region(), ResourceKind.VPCS).isPresent()) {
      return Optional.empty();
    }
    return region(ctx, sv).flatMap(r -> r.vpc(sv.vpcId()));
  }

  static String missing(CheckContext ctx, VpcScope.ScopedVpc sv) {
    return Scopes.unread(ctx, sv.accountId(), sv.region(), ResourceKind.VPCS)
        .map(u -> "DNS settings of " + sv.vpcId() + " are unknown: " + u)
        .orElse("landing-zone VPC " + sv.vpcId() + " is not in the inventory of " + sv.accountId() + "/"
            + sv.region() + " although VPCs were read: check the baseline's vpcId");
  }
}
