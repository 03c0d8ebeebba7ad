package io.agentfence.schedules.history;

import io.agentfence.finding.Finding;
import io.agentfence.inventory.Snapshot;
import java.time.Instant;
import java.util.List;

/** What a run stores when it finishes: written in one transaction with its final status. */
public record FinishedRun(RunStatus status, Snapshot snapshot, List<Finding> findings, String message,
    Instant finishedAt) {
  public FinishedRun {
    if (!status.finished()) {
      throw new IllegalArgumentException("a finished run is COMPLETE or INCOMPLETE, not " + status);
    }
    findings = List.copyOf(findings);
    message = message == null ? "" : message;
  }
}
