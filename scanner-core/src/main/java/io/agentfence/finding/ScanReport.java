package io.agentfence.finding;

import io.agentfence.check.RuleMetadata;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.util.Values;
import java.util.List;

/**
 * Everything a reporter needs about one scan: the rules that ran (with their metadata), every
 * finding, and the coverage records. Reporters depend on this and nothing from {@code checks}.
 *
 * @param toolVersion    agentfence version
 * @param baselineSource where the baseline came from
 * @param collection     how the snapshot was collected
 * @param complete       every in-scope (account, region, kind) was read
 */
public record ScanReport(
    String toolVersion,
    String baselineSource,
    CollectionInfo collection,
    List<RuleMetadata> rules,
    List<Finding> findings,
    List<CoverageRecord> coverage,
    boolean complete) {
  public ScanReport {
    toolVersion = toolVersion == null ? "dev" : toolVersion;
    baselineSource = baselineSource == null ? "" : baselineSource;
    collection = collection == null ? CollectionInfo.empty() : collection;
    rules = Values.list(rules);
    findings = Values.list(findings);
    coverage = Values.list(coverage);
  }

  /** Failing, unsuppressed findings at or above the threshold: what {@code --fail-on} gates on. */
  public long failingAtOrAbove(Severity threshold) {
    return findings.stream().filter(Finding::counts).filter(f -> f.severity().atLeast(threshold)).count();
  }
}
