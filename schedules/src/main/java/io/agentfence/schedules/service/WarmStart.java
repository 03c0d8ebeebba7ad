package io.agentfence.schedules.service;

import io.agentfence.collect.ReusableReads;
import io.agentfence.schedules.config.ScheduleSpec;
import io.agentfence.schedules.config.SourceSpec;
import io.agentfence.schedules.history.HistoryStore;
import io.agentfence.schedules.history.RunRecord;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The previous finished run of a live schedule, as what tonight's parts may reuse (a warm scan): its
 * immutable records are not read again ({@link ReusableReads}). One entry is cached, because every
 * part of a run (one per account in an organization) needs the same previous snapshot and
 * decompressing it once per part would cost as much as the calls it saves.
 */
final class WarmStart {
  private static final Logger LOG = LoggerFactory.getLogger(WarmStart.class);

  private final HistoryStore store;
  private long cachedRun = -1;
  private ReusableReads cached = ReusableReads.none();

  WarmStart(HistoryStore store) {
    this.store = store;
  }

  /** What {@code run} of {@code spec} may reuse; nothing for cold or non-live schedules or a first run. */
  synchronized ReusableReads forRun(ScheduleSpec spec, RunRecord run) {
    if (spec.source().kind() != SourceSpec.Kind.LIVE || spec.targets().cold()) {
      return ReusableReads.none();
    }
    Optional<RunRecord> previous = store.previousFinished(spec.name(), run.scopeKey(), run.id());
    if (previous.isEmpty()) {
      return ReusableReads.none();
    }
    long id = previous.get().id();
    if (id != cachedRun) {
      // A previous run whose snapshot cannot be read (retention, corruption) only makes this run cold.
      cached = store.snapshot(id).map(s -> ReusableReads.of(s, "run " + id + " of " + spec.name()))
          .orElse(ReusableReads.none());
      cachedRun = id;
      LOG.info("run {} of '{}': warm scan, reusing immutable records of run {}", run.id(), spec.name(), id);
    }
    return cached;
  }
}
