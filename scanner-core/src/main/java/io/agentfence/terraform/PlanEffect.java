package io.agentfence.terraform;

import io.agentfence.finding.Finding;
import io.agentfence.finding.ScanReport;
import io.agentfence.util.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a plan does to the findings: those failing after apply that did not fail before (introduced)
 * and those failing before that no longer fail after (fixed, by a change or by a delete), from the
 * same catalogue run on the world before and the world after. A finding is the same one across
 * the two worlds when its rule, resource ARN and {@value #KEY} property match (the identity the
 * reporters' fingerprints use).
 */
public record PlanEffect(
    List<Finding> introduced, List<Finding> fixed, List<PlannedResource> planned, List<IgnoredResource> ignored) {
  /** The finding property that tells several findings of one rule on one resource apart. */
  public static final String KEY = "fingerprintKey";

  public PlanEffect {
    introduced = Values.list(introduced);
    fixed = Values.list(fixed);
    planned = Values.list(planned);
    ignored = Values.list(ignored);
  }

  public static PlanEffect of(ScanReport before, ScanReport after, ProposedWorld world) {
    Set<String> failingBefore = failing(before);
    Set<String> failingAfter = failing(after);
    List<Finding> introduced = after.findings().stream().filter(Finding::failed)
        .filter(f -> !failingBefore.contains(identity(f))).toList();
    List<Finding> fixed = before.findings().stream().filter(Finding::failed)
        .filter(f -> !failingAfter.contains(identity(f))).toList();
    return new PlanEffect(introduced, fixed, world.planned(), world.ignored());
  }

  private static Set<String> failing(ScanReport r) {
    Set<String> out = new HashSet<>();
    r.findings().stream().filter(Finding::failed).forEach(f -> out.add(identity(f)));
    return out;
  }

  static String identity(Finding f) {
    return f.ruleId() + '|' + f.resource().arn() + '|' + f.properties().getOrDefault(KEY, "");
  }
}
