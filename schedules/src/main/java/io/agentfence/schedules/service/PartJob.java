package io.agentfence.schedules.service;

import io.agentfence.inventory.Snapshot;
import io.agentfence.schedules.config.ScheduleSpec;
import io.agentfence.schedules.history.Gzip;
import io.agentfence.schedules.history.HistoryStore;
import io.agentfence.schedules.history.PartRecord;
import io.agentfence.schedules.history.PartRecord.PartStatus;
import io.agentfence.schedules.history.RunRecord;
import io.agentfence.schedules.history.RunStatus;
import io.agentfence.schedules.source.ScanPart;
import java.util.Optional;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects one part (account) of a run and stores it. The node that stores the last part runs the
 * aggregation ({@link RunFinalizer}). Requests recovery: if the node dies mid-collection, another
 * node (or this one after a restart) runs the part again; a part already stored is not collected
 * twice, only the aggregation is retried.
 */
public final class PartJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(PartJob.class);

  private final ServiceContext ctx;

  PartJob(ServiceContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void execute(JobExecutionContext qc) throws JobExecutionException {
    JobDataMap m = qc.getMergedJobDataMap();
    String schedule = m.getString(Keys.SCHEDULE);
    long runId = Long.parseLong(m.getString(Keys.RUN_ID));
    String partKey = m.getString(Keys.PART);
    HistoryStore store = ctx.store();
    Optional<ScheduleSpec> spec = ctx.spec(schedule);
    Optional<RunRecord> run = store.run(runId);
    if (spec.isEmpty() || run.isEmpty() || run.get().status() != RunStatus.RUNNING) {
      return;
    }
    Optional<PartRecord> part = store.parts(runId).stream().filter(p -> p.key().equals(partKey)).findFirst();
    if (part.isEmpty()) {
      return;
    }
    HistoryStore.Settled settled;
    if (part.get().status() == PartStatus.PENDING) {
      store.startPart(runId, partKey, ctx.node());
      LOG.info("run {}: collecting part {} on {}{}", runId, partKey, ctx.node(), qc.isRecovering() ? " (recovery)" : "");
      ScanPart scanPart = new ScanPart(partKey, part.get().accounts(), spec.get().targets(), runId);
      Snapshot s = null;
      String failure = "";
      try {
        s = ctx.source(spec.get()).collect(scanPart, ctx.warmStart().forRun(spec.get(), run.get()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.warn("run {}: part {} interrupted; it stays pending", runId, partKey);
        return;
      } catch (RuntimeException e) {
        // the source itself failed (not a coverage gap, which it records in the snapshot)
        LOG.error("run {}: part {} failed: {}", runId, partKey, e.toString());
        failure = String.valueOf(e.getMessage());
      }
      // a store failure propagates: the part stays PENDING and is collected again on recovery
      settled = s == null
          ? store.settlePart(runId, partKey, ctx.node(), PartStatus.FAILED, null, failure)
          : store.settlePart(runId, partKey, ctx.node(), PartStatus.DONE, Gzip.snapshot(s), "");
    } else {
      // stored before a crash; make sure the run is aggregated
      boolean pending = store.parts(runId).stream().anyMatch(p -> p.status() == PartStatus.PENDING);
      settled = pending ? HistoryStore.Settled.MORE_PENDING : HistoryStore.Settled.LAST;
    }
    if (settled == HistoryStore.Settled.LAST) {
      ctx.finalizer().finish(spec.get(), runId);
    }
  }
}
