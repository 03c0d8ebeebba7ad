package io.agentfence.check;

import io.agentfence.baseline.Baseline;
import io.agentfence.check.suppress.SuppressionExpired;
import io.agentfence.check.suppress.SuppressionStale;
import io.agentfence.check.suppress.Suppressions;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a catalogue of checks over a snapshot and baseline, applies the baseline's severity
 * overrides (and, in {@link #report}, its suppressions), and orders the findings deterministically (rule id, then resource ARN).
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

  /** The checks' rules, in catalogue order. */
  public List<RuleMetadata> rules() {
    return checks.stream().map(Check::metadata).toList();
  }

  /**
   * Every rule a report of this runner can contain: {@link #rules()}, then the two suppression
   * rules that {@link #report} evaluates after the checks.
   */
  public List<RuleMetadata> reportRules() {
    List<RuleMetadata> all = new ArrayList<>(rules());
    all.addAll(Suppressions.rules());
    return List.copyOf(all);
  }

  /**
   * Evaluates every plain check once (in parallel, results in catalogue order), then each {@link CompositeCheck} (in
   * catalogue order) over the findings produced before it.
   */
  public List<Finding> run(CheckContext context) {
    List<Finding> out = new ArrayList<>();
    Baseline baseline = context.baseline();
    // Plain checks are pure and independent of each other, so they run in parallel (a 100,000-
    // runtime organization spends most of its check time here). Their results are collected in
    // catalogue order, so the report is the same as a sequential run's, byte for byte.
    List<List<Finding>> plain = checks.parallelStream()
        .filter(check -> !(check instanceof CompositeCheck))
        .map(check -> check.evaluate(context))
        .toList();
    for (List<Finding> findings : plain) {
      addWithSeverity(out, findings, baseline);
    }
    for (Check check : checks) {
      if (check instanceof CompositeCheck) {
        addWithSeverity(out, ((CompositeCheck) check).evaluate(context, List.copyOf(out)), baseline);
      }
    }
    out.sort(ORDER);
    return out;
  }

  private static void addWithSeverity(List<Finding> out, List<Finding> findings, Baseline baseline) {
    for (Finding f : findings) {
      out.add(f.withSeverity(baseline.severityFor(f.ruleId(), f.severity())));
    }
  }

  /**
   * Runs the checks, then applies the baseline's suppressions ({@link Suppressions}): suppressed
   * findings keep their status but stop counting for the gate; expired and stale suppressions are
   * findings of their own, and their rules are listed with the others.
   */
  public ScanReport report(Snapshot snapshot, Baseline baseline, LocalDate today, String toolVersion) {
    CheckContext ctx = CheckContext.of(snapshot, baseline, today);
    List<RuleMetadata> rules = reportRules().stream()
        .map(r -> new RuleMetadata(r.id(), r.name(), r.area(), baseline.severityFor(r.id(), r.severity()),
            r.control(), r.summary(), r.rationale(), r.remediation(), r.references()))
        .toList();
    List<Finding> findings = new ArrayList<>(Suppressions.apply(run(ctx), baseline.suppressions(), today,
        severityOf(rules, SuppressionExpired.ID), severityOf(rules, SuppressionStale.ID)));
    findings.sort(ORDER);
    return new ScanReport(toolVersion, baseline.source(), snapshot.collection(), rules, findings,
        snapshot.coverage(), snapshot.complete());
  }

  private static Severity severityOf(List<RuleMetadata> rules, String id) {
    return rules.stream().filter(r -> r.id().equals(id)).map(RuleMetadata::severity).findFirst()
        .orElseThrow(() -> new IllegalStateException("rule " + id + " missing"));
  }
}
