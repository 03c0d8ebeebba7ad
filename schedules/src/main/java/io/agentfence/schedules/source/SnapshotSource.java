package io.agentfence.schedules.source;

import io.agentfence.collect.ReusableReads;
import io.agentfence.inventory.Snapshot;
import io.agentfence.schedules.config.Targets;
import java.util.List;

/**
 * What produces the snapshots of a schedule: the live engine, the demo endpoint or, in tests and
 * demos, a replay of snapshot files. The scheduler only knows this interface.
 *
 * <p>Implementations must record what they could not read in the snapshot's coverage rather than
 * throw; an exception means the part failed as a whole and the run is marked FAILED.
 */
public interface SnapshotSource {
  /**
   * How a run is split for the cluster: by default one part per listed account, or one part for
   * the whole scope when accounts are discovered (e.g. through Organizations).
   */
  default List<ScanPart> plan(Targets targets) {
    if (targets.accounts().isEmpty() || targets.org()) {
      return List.of(new ScanPart(ScanPart.WHOLE_SCOPE, targets.accounts(), targets));
    }
    return targets.accounts().stream()
        .distinct()
        .map(a -> new ScanPart(a, List.of(a), targets))
        .toList();
  }

  /**
   * Collects one part. Must stop promptly with {@link InterruptedException} when the thread is
   * interrupted (service shutdown); the part is then left pending and recovered later.
   */
  Snapshot collect(ScanPart part) throws InterruptedException;

  /**
   * Collects one part, reusing the immutable records of a previous run where the source reads AWS
   * (a warm scan). Sources that replay or slice snapshots have nothing to save and ignore it.
   */
  default Snapshot collect(ScanPart part, ReusableReads reuse) throws InterruptedException {
    return collect(part);
  }
}
