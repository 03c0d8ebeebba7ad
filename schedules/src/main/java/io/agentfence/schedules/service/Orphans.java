package io.agentfence.schedules.service;

import io.agentfence.schedules.history.HistoryStore;
import io.agentfence.schedules.history.PartRecord;
import io.agentfence.schedules.history.RunRecord;
import io.agentfence.schedules.history.RunStatus;
import java.time.Duration;
import java.time.Instant;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds RUNNING runs that nobody can finish: none of their part jobs is left in the job store (the
 * process that owned them died before Quartz could arrange recovery). Such a run is marked
 * ABANDONED, so it never looks like a run in progress (which would block the schedule) or a
 * complete one. In a cluster a run younger than {@link #CLUSTER_GRACE} is left alone: its
 * coordinator on another node may be scheduling the parts right now.
 */
final class Orphans {
  static final Duration CLUSTER_GRACE = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(Orphans.class);

  private Orphans() {}

  /** True when the run was RUNNING, had no job left, and is now ABANDONED. */
  static boolean abandonIfOrphan(Scheduler scheduler, HistoryStore store, RunRecord run, Duration grace, Instant now)
      throws SchedulerException {
    if (run.status() != RunStatus.RUNNING || run.startedAt().isAfter(now.minus(grace))) {
      return false;
    }
    for (PartRecord p : store.parts(run.id())) {
      if (scheduler.checkExists(Keys.part(run.id(), p.key()))) {
        return false;
      }
    }
    boolean done = store.endWithout(run.id(), RunStatus.ABANDONED,
        "left running by a node that stopped; no job remains to finish it", now);
    if (done) {
      LOG.warn("run {} of '{}' marked ABANDONED: no job remains to finish it", run.id(), run.schedule());
    }
    return done;
  }
}
