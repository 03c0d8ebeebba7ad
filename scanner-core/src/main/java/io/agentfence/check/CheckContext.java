package io.agentfence.check;

import io.agentfence.baseline.Baseline;
import io.agentfence.inventory.CoverageIndex;
import io.agentfence.inventory.Snapshot;
import java.time.LocalDate;

/**
 * What a check sees: the snapshot, the baseline, a coverage index built once, and the evaluation
 * date (for suppression expiry) passed in rather than read from a clock, to keep checks pure.
 */
public record CheckContext(Snapshot snapshot, Baseline baseline, CoverageIndex coverage, LocalDate today) {
  public static CheckContext of(Snapshot snapshot, Baseline baseline, LocalDate today) {
    return new CheckContext(snapshot, baseline, snapshot.coverageIndex(), today);
  }
}
