package io.agentfence.checks.privatelink;

import io.agentfence.check.CheckContext;
import io.agentfence.checks.support.BaseCheck;
import io.agentfence.checks.support.LandingZones;
import io.agentfence.checks.support.Refs;
import io.agentfence.checks.support.Scopes;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule judged once per landing-zone VPC from its interface endpoints. The scope handling is
 * shared so that every such rule fails closed the same way: endpoints not read are UNKNOWN.
 */
abstract class ZoneEndpointsCheck extends BaseCheck {
  @Override
  public final List<Finding> evaluate(CheckContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (LandingZones.ZoneVpc z : LandingZones.zoneVpcs(ctx)) {
      ResourceRef ref = Refs.vpc(z.accountId(), z.region(), z.vpcId());
      EvidenceLink vpc = EvidenceLink.of("vpc", z.vpcId(), "landing zone " + z.zone().name());
      Optional<String> unread = Scopes.unread(ctx, z.accountId(), z.region(), ResourceKind.VPC_ENDPOINTS);
      if (unread.isPresent()) {
        out.add(unknown(ref, "AgentCore endpoints of " + z.vpcId() + " are unknown: " + unread.get(), List.of(vpc)));
        continue;
      }
      Optional<RegionInventory> inv = ctx.snapshot().account(z.accountId()).flatMap(a -> a.region(z.region()));
      List<EvidenceLink> evidence = new ArrayList<>();
      evidence.add(vpc);
      judge(z, inv, ref, evidence).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The finding for one landing-zone VPC whose endpoints were read, or empty when the rule has
   * nothing to say about it; {@code evidence} starts with the VPC link, add to it.
   */
  abstract Optional<Finding> judge(
      LandingZones.ZoneVpc z, Optional<RegionInventory> inv, ResourceRef ref, List<EvidenceLink> evidence);
}
