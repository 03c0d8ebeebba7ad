package io.agentfence.checks.support;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.LandingZone;
import io.agentfence.check.CheckContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Questions about the baseline's landing zones. */
public final class LandingZones {
  private LandingZones() {}

  public static Set<String> approvedSubnets(Baseline b, String accountId, String region) {
    Set<String> out = new LinkedHashSet<>();
    b.zonesFor(accountId, region).forEach(z -> out.addAll(z.approvedSubnets()));
    return out;
  }

  public static Set<String> approvedSecurityGroups(Baseline b, String accountId, String region) {
    Set<String> out = new LinkedHashSet<>();
    b.zonesFor(accountId, region).forEach(z -> out.addAll(z.approvedSecurityGroups()));
    return out;
  }

  /**
   * The inspection targets that a default route in {@code vpcId} must reach: those of the zone of
   * that VPC, else (a VPC no zone names) those of every zone covering the account and region.
   */
  public static Set<String> inspectionTargets(Baseline b, String accountId, String region, String vpcId) {
    Optional<LandingZone> zone = b.zoneFor(accountId, region, vpcId);
    Set<String> out = new LinkedHashSet<>();
    if (zone.isPresent()) {
      out.addAll(zone.get().inspectionTargets());
    } else {
      b.zonesFor(accountId, region).forEach(z -> out.addAll(z.inspectionTargets()));
    }
    return out;
  }

  /** One landing-zone VPC as it should exist in one account and region. */
  public record ZoneVpc(LandingZone zone, String accountId, String region) {
    public String vpcId() {
      return zone.vpcId();
    }
  }

  /** Every (zone, account, region) the scan was asked to cover, in baseline order. */
  public static List<ZoneVpc> zoneVpcs(CheckContext ctx) {
    List<ZoneVpc> out = new ArrayList<>();
    for (LandingZone z : ctx.baseline().landingZones()) {
      for (String a : z.accounts()) {
        for (String r : z.regions()) {
          if (Scopes.requested(ctx, a, r)) {
            out.add(new ZoneVpc(z, a, r));
          }
        }
      }
    }
    return out;
  }
}
