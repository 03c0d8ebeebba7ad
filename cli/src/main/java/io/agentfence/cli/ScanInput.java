package io.agentfence.cli;

import io.agentfence.baseline.Baseline;
import io.agentfence.inventory.Snapshot;

/** What a scan evaluates: an inventory snapshot and the baseline it is judged against. */
public record ScanInput(Snapshot snapshot, Baseline baseline) {
  public ScanInput {
    if (snapshot == null || baseline == null) {
      throw new IllegalArgumentException("snapshot and baseline are required");
    }
  }
}
