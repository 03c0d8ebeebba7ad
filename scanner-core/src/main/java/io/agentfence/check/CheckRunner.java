package io.agentfence.check;

import io.agentfence.baseline.Baseline;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ScanReport;
import io.agentfence.inventory.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a catalogue of checks over a snapshot and baseline, applies the baseline's severity
 * overrides, and orders the findings deterministically (rule id, then resource ARN).
 */
public final class CheckRunner {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::ruleId)
          .thenComparing(f -> f.resource().arn())
          .thenComparing(Finding::message);

  private final List<Check> checks;

  public CheckRunner(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  public List<RuleMetadata> rules() {
    return checks.stream().map(Check::metadata).toList();
  }

  public List<Finding> run(CheckContext context) {
    List<Finding> out = new ArrayList<>();
    Baseline baseline = context.baseline();
    for (Check check : checks) {
      for (Finding f : check.evaluate(context)) {
        out.add(f.withSeverity(baseline.severityFor(f.ruleId(), f.severity())));
      }
    }
    out.sort(ORDER);
    return out;
  }

  public ScanReport report(Snapshot snapshot, Baseline baseline, LocalDate today, String toolVersion) {
    CheckContext ctx = CheckContext.of(snapshot, baseline, today);
    List<RuleMetadata> rules = rules().stream()
        .map(r -> new RuleMetadata(r.id(), r.name(), r.area(), baseline.severityFor(r.id(), r.severity()),
            r.control(), r.summary(), r.rationale(), r.remediation(), r.references()))
        .toList();
    return new ScanReport(toolVersion, baseline.source(), snapshot.collection(), rules, run(ctx),
        snapshot.coverage(), snapshot.complete());
  }
}
