package io.agentfence.schedules.drift;

import io.agentfence.util.Values;
import java.util.List;

/**
 * What changed between two scans of the same scope. Scope unreadable in either scan is listed in
 * {@link #unknown()} and never contributes to {@link #removed()} or {@link #added()}.
 *
 * @param before a label for the older scan (run id, file name)
 * @param after  a label for the newer scan
 */
public record DriftReport(
    String before,
    String after,
    List<ResourceChange> added,
    List<ResourceChange> removed,
    List<ResourceChange> changed,
    List<UnknownScope> unknown,
    List<FindingChange> newFindings,
    List<FindingChange> resolvedFindings) {
  public DriftReport {
    before = before == null ? "" : before;
    after = after == null ? "" : after;
    added = Values.list(added);
    removed = Values.list(removed);
    changed = Values.list(changed);
    unknown = Values.list(unknown);
    newFindings = Values.list(newFindings);
    resolvedFindings = Values.list(resolvedFindings);
  }

  /** No resource or finding changed (unknown scope still means "we cannot say"). */
  public boolean noChanges() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty()
        && newFindings.isEmpty() && resolvedFindings.isEmpty();
  }

  public String summary() {
    return added.size() + " added, " + removed.size() + " removed, " + changed.size() + " changed, "
        + unknown.size() + " unknown scope(s), " + newFindings.size() + " new finding(s), "
        + resolvedFindings.size() + " resolved";
  }
}
