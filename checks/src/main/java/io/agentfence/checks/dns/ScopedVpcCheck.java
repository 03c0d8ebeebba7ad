package io.agentfence.checks.dns;

import io.agentfence.check.CheckContext;
import io.agentfence.checks.support.BaseCheck;
import io.agentfence.checks.support.Refs;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.inventory.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule judged once per VPC that agents use or a landing zone names. A VPC that is not in the
 * inventory is UNKNOWN for every such rule, in the same words.
 */
abstract class ScopedVpcCheck extends BaseCheck {
  @Override
  public final List<Finding> evaluate(CheckContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (VpcScope.ScopedVpc sv : VpcScope.vpcs(ctx)) {
      ResourceRef ref = Refs.vpc(sv.accountId(), sv.region(), sv.vpcId());
      Optional<Vpc> vpc = VpcLookup.find(ctx, sv);
      if (vpc.isEmpty()) {
        out.add(unknown(ref, VpcLookup.missing(ctx, sv), List.of(EvidenceLink.of("vpc", sv.vpcId(), "not in inventory"))));
        continue;
      }
      out.add(judge(ctx, sv, vpc.get(), ref));
    }
    return out;
  }

  /** The finding for one VPC that is in the inventory. */
  abstract Finding judge(CheckContext ctx, VpcScope.ScopedVpc sv, Vpc vpc, ResourceRef ref);
}
