package io.agentfence.reporters;

import io.agentfence.check.RuleArea;
import io.agentfence.check.RuleMetadata;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.reporters.compare.BaselineState;
import io.agentfence.reporters.compare.Comparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every reporter renders: the report's findings with their fingerprints and (when compared
 * with a previous run) their baseline state, computed once so all formats agree.
 */
public final class ReportView {
  /** One finding as rendered. */
  public record Entry(Finding finding, String fingerprint, Optional<BaselineState> baselineState) {}

  private final ScanReport report;
  private final Comparison comparison;
  private final List<Entry> entries;
  private final Map<String, RuleMetadata> rules;
  private final List<CoverageRecord> coverageGaps;

  private ReportView(ScanReport report, Comparison comparison) {
    this.report = report;
    this.comparison = comparison;
    List<String> fps = Fingerprints.assign(report);
    List<Entry> list = new ArrayList<>(fps.size());
    for (int i = 0; i < fps.size(); i++) {
      list.add(new Entry(report.findings().get(i), fps.get(i), comparison.stateOf(fps.get(i))));
    }
    this.entries = List.copyOf(list);
    Map<String, RuleMetadata> byId = new LinkedHashMap<>();
    report.rules().forEach(r -> byId.putIfAbsent(r.id(), r));
    this.rules = byId;
    this.coverageGaps = report.coverage().stream().filter(c -> !c.status().isComplete()).toList();
  }

  public static ReportView of(ScanReport report, Comparison comparison) {
    return new ReportView(report, comparison);
  }

  public ScanReport report() {
    return report;
  }

  public Comparison comparison() {
    return comparison;
  }

  public List<Entry> entries() {
    return entries;
  }

  public Optional<RuleMetadata> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  public Optional<RuleArea> areaOf(String ruleId) {
    return rule(ruleId).map(RuleMetadata::area);
  }

  public List<CoverageRecord> coverageGaps() {
    return coverageGaps;
  }

  public long count(Status status) {
    return entries.stream().filter(e -> e.finding().status() == status).count();
  }

  public long suppressed() {
    return entries.stream().filter(e -> e.finding().suppression().isPresent()).count();
  }

  /** Failing, unsuppressed findings: what the gate counts. */
  public long failing() {
    return entries.stream().filter(e -> e.finding().counts()).count();
  }

  /** Unsuppressed FAIL findings of a severity. */
  public long failing(Severity s) {
    return entries.stream().filter(e -> e.finding().counts() && e.finding().severity() == s).count();
  }
}
