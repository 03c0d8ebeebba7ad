package io.agentfence.checks.support;

import io.agentfence.check.CheckContext;
import io.agentfence.finding.Finding;
import io.agentfence.inventory.NetworkConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule about the VPC configuration of every workload: VPC-mode workloads are judged, others
 * are left to the network-mode rules, and a workload whose configuration was not read is UNKNOWN.
 */
public abstract class WorkloadCheck extends BaseCheck {

  protected abstract Verdict judge(CheckContext ctx, Workload w, NetworkConfig network);

  @Override
  public List<Finding> evaluate(CheckContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Workload w : Workloads.all(ctx.snapshot())) {
      if (w.network().isEmpty()) {
        out.add(unknown(w.ref(), "the network configuration of " + w.kind() + " " + w.id() + " was not read",
            List.of(w.link())));
      } else if (w.isVpc()) {
        Verdict v = judge(ctx, w, w.network().get());
        out.add(finding(v.status(), w.ref(), w.kind() + " " + w.id() + ": " + v.message(), v.evidence()));
      }
    }
    return out;
  }
}
