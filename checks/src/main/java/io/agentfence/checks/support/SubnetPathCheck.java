package io.agentfence.checks.support;

import io.agentfence.check.CheckContext;
import io.agentfence.finding.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule about the route path of every subnet of every VPC-mode workload. One finding per
 * workload: FAIL when any subnet fails, UNKNOWN when none fails but one cannot be resolved.
 * Workloads that are not in VPC mode have no subnet path (the network-mode rules report them);
 * a workload whose network configuration was not read is UNKNOWN.
 */
public abstract class SubnetPathCheck extends BaseCheck {

  /** Judges one resolved subnet path. */
  protected abstract Verdict judge(CheckContext ctx, SubnetPaths.Path path);

  @Override
  public List<Finding> evaluate(CheckContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Workload w : Workloads.all(ctx.snapshot())) {
      if (w.network().isEmpty()) {
        out.add(unknown(w.ref(), "the network configuration of " + w.kind() + " " + w.id()
            + " was not read, so its route path cannot be checked", List.of(w.link())));
        continue;
      }
      if (!w.isVpc() || w.vpcSubnets().isEmpty()) {
        continue;
      }
      List<Verdict> parts = new ArrayList<>();
      for (String subnet : w.vpcSubnets()) {
        SubnetPaths.Resolution res = SubnetPaths.resolve(ctx, w, subnet);
        parts.add(res.path().map(p -> judge(ctx, p))
            .orElseGet(() -> Verdict.unknown(res.unknownReason(), res.chain())));
      }
      Verdict v = Verdict.combine(parts);
      out.add(finding(v.status(), w.ref(), v.message(), v.evidence()));
    }
    return out;
  }
}
