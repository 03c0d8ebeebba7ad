package io.agentfence.schedules.service;

import io.agentfence.schedules.config.ScheduleSpec;
import io.agentfence.schedules.history.HistoryStore;
import io.agentfence.schedules.history.PartRecord;
import io.agentfence.schedules.history.RunRecord;
import io.agentfence.schedules.history.RunStatus;
import io.agentfence.schedules.source.ScanPart;
import java.util.List;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fired by a schedule's cron trigger: opens the night's run in history and fans it out as one
 * {@link PartJob} per part (account), which any node of the cluster may take.
 *
 * <p>Never overlaps itself ({@code @DisallowConcurrentExecution}, per schedule), and a fire while
 * the previous run is still RUNNING is skipped: two runs of a schedule never overlap. Idempotent
 * under recovery: the run is keyed by the original trigger fire, and existing part jobs are kept.
 */
@DisallowConcurrentExecution
public final class CoordinatorJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorJob.class);

  private final ServiceContext ctx;

  CoordinatorJob(ServiceContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void execute(JobExecutionContext qc) throws JobExecutionException {
    String name = qc.getMergedJobDataMap().getString(Keys.SCHEDULE);
    Optional<ScheduleSpec> spec = ctx.spec(name);
    if (spec.isEmpty()) {
      LOG.warn("schedule '{}' is no longer in this node's configuration; skipping", name);
      return;
    }
    HistoryStore store = ctx.store();
    String fireKey = fireKey(qc);
    Optional<RunRecord> existing = store.runByFire(name, fireKey);
    if (existing.isEmpty()) {
      List<RunRecord> running = new java.util.ArrayList<>();
      for (RunRecord r : store.running(Optional.of(name))) {
        try {
          // self-healing: a run orphaned while the service kept running must not block the schedule
          if (!Orphans.abandonIfOrphan(qc.getScheduler(), store, r, Orphans.CLUSTER_GRACE, ctx.clock().instant())) {
            running.add(r);
          }
        } catch (SchedulerException e) {
          throw new JobExecutionException(e);
        }
      }
      if (!running.isEmpty()) {
        LOG.warn("schedule '{}': run {} is still running; skipping the fire of {}", name, running.get(0).id(),
            qc.getScheduledFireTime());
        return;
      }
    } else if (existing.get().status() != RunStatus.RUNNING) {
      return; // recovered coordinator of a run that has already ended
    }
    try {
      List<ScanPart> plan = existing.isPresent() ? List.of() : ctx.source(spec.get()).plan(spec.get().targets());
      RunRecord run = existing.orElseGet(() ->
          store.openRun(name, fireKey, spec.get().targets().scopeKey(), plan, ctx.clock().instant()));
      List<PartRecord> parts = store.parts(run.id());
      LOG.info("schedule '{}': run {} started with {} part(s) on {}", name, run.id(), parts.size(), ctx.node());
      for (PartRecord p : parts) {
        if (p.status() == PartRecord.PartStatus.PENDING) {
          schedulePart(qc.getScheduler(), name, run.id(), p.key());
        }
      }
    } catch (SchedulerException | RuntimeException e) {
      LOG.error("schedule '{}': could not start the run: {}", name, e.toString());
      throw new JobExecutionException(e);
    }
  }

  /** The trigger fire this execution belongs to; for a recovered execution, the original one. */
  static String fireKey(JobExecutionContext qc) {
    JobDataMap m = qc.getMergedJobDataMap();
    if (qc.isRecovering() && m.containsKey(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS)) {
      return m.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_GROUP) + "."
          + m.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_NAME) + "@"
          + m.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS);
    }
    return qc.getTrigger().getKey() + "@" + qc.getScheduledFireTime().getTime();
  }

  private static void schedulePart(Scheduler scheduler, String schedule, long runId, String part)
      throws SchedulerException {
    JobKey key = Keys.part(runId, part);
    if (scheduler.checkExists(key)) {
      return;
    }
    JobDetail job = JobBuilder.newJob(PartJob.class)
        .withIdentity(key)
        .usingJobData(Keys.SCHEDULE, schedule)
        .usingJobData(Keys.RUN_ID, Long.toString(runId))
        .usingJobData(Keys.PART, part)
        .requestRecovery(true)
        .build();
    Trigger trigger = TriggerBuilder.newTrigger()
        .withIdentity(key.getName(), Keys.PARTS)
        .forJob(key)
        .startNow()
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
    try {
      scheduler.scheduleJob(job, trigger);
    } catch (ObjectAlreadyExistsException e) {
      // a recovered coordinator racing its first execution: the part is already scheduled
    }
  }
}
