package io.agentfence.schedules.service;

import io.agentfence.check.CheckRunner;
import io.agentfence.reporters.Reporter;
import io.agentfence.schedules.config.ScheduleConfig;
import io.agentfence.schedules.config.ScheduleSpec;
import io.agentfence.schedules.history.Database;
import io.agentfence.schedules.history.HistoryStore;
import io.agentfence.schedules.history.RunRecord;
import io.agentfence.schedules.notify.WebhookNotifier;
import io.agentfence.schedules.source.SnapshotSourceFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Supplier;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly service on one node: Quartz's JDBC job store (JobStoreTX) over the shared pool,
 * the schedules of the configuration as cron triggers, and the history store.
 */
public final class ScheduleService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);
  /** Same on every node of a cluster: it is the SCHED_NAME column of the Quartz tables. */
  static final String SCHEDULER_NAME = "agentfence";

  private final Database db;
  private final Scheduler scheduler;
  private final HistoryStore store;
  private final String poolKey;
  private final ServiceOptions options;
  private volatile boolean closed;

  private ScheduleService(Database db, Scheduler scheduler, HistoryStore store, String poolKey, ServiceOptions options) {
    this.db = db;
    this.scheduler = scheduler;
    this.store = store;
    this.poolKey = poolKey;
    this.options = options;
  }

  /** What the service needs besides configuration: sources, checks, baseline parser, reporters. */
  public record Components(
      SnapshotSourceFactory sources,
      Supplier<CheckRunner> checks,
      BaselineLoader baselines,
      List<Reporter> reporters,
      WebhookNotifier webhook,
      String toolVersion) {}

  /**
   * Opens (and migrates) the database, syncs the configured schedules into the job store, marks
   * runs nobody can finish as ABANDONED, and starts Quartz.
   */
  public static ScheduleService start(ScheduleConfig config, ServiceOptions options, Components c)
      throws SchedulerException {
    Database db = Database.open(options.database(), options.threads() + 6);
    String poolKey = UUID.randomUUID().toString().replace("-", "");
    SharedConnectionProvider.register(poolKey, db.dataSource());
    try {
      HistoryStore store = new HistoryStore(db.dataSource());
      RunFinalizer finalizer = new RunFinalizer(store, c.checks(), c.baselines(), new ReportWriter(c.reporters()),
          c.webhook(), options.clock(), c.toolVersion());
      ServiceContext ctx = new ServiceContext(config.schedules(), c.sources(), store, finalizer, options.clock());
      Scheduler scheduler = new StdSchedulerFactory(quartzProperties(options, poolKey)).getScheduler();
      // Quartz keeps one scheduler per name per JVM; forget ours so another node (tests) can exist.
      SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
      scheduler.setJobFactory(new ServiceJobFactory(ctx));
      ctx.node(scheduler.getSchedulerInstanceId());
      ScheduleService service = new ScheduleService(db, scheduler, store, poolKey, options);
      service.sync(config.schedules());
      service.abandonOrphans();
      scheduler.start();
      LOG.info("agentfence schedule service started on {} ({} {}, node {}, {} schedule(s))",
          options.database().redactedUrl(), options.clustered() ? "clustered" : "embedded",
          options.database().vendor(), ctx.node(), config.schedules().size());
      return service;
    } catch (SchedulerException | RuntimeException e) {
      SharedConnectionProvider.unregister(poolKey);
      db.close();
      throw e;
    }
  }

  static Properties quartzProperties(ServiceOptions o, String poolKey) {
    Properties p = new Properties();
    String ds = "af" + poolKey; // DBConnectionManager is JVM-wide: one name per node
    p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
    p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
    p.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(o.idleWait().toMillis()));
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(o.threads()));
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", o.clustered()
        ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
        : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate"); // there is no H2 delegate
    p.setProperty("org.quartz.jobStore.dataSource", ds);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(o.misfireThreshold().toMillis()));
    p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(o.clustered()));
    // explicit: the docs say 15000, JobStoreSupport's code default is 7500
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(o.clusterCheckinInterval().toMillis()));
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    p.setProperty("org.quartz.dataSource." + ds + ".connectionProvider.class", SharedConnectionProvider.class.getName());
    p.setProperty("org.quartz.dataSource." + ds + ".poolKey", poolKey);
    return p;
  }

  /**
   * Makes the job store match the configuration. A trigger whose cron and time zone are unchanged
   * is kept as it is, so a fire missed while the service was down is still seen as a misfire.
   */
  private void sync(List<ScheduleSpec> specs) throws SchedulerException {
    Set<String> names = new HashSet<>();
    for (ScheduleSpec s : specs) {
      names.add(s.name());
      JobDetail job = JobBuilder.newJob(CoordinatorJob.class)
          .withIdentity(Keys.coordinator(s.name()))
          .usingJobData(Keys.SCHEDULE, s.name())
          .storeDurably()
          .requestRecovery(true)
          .build();
      CronTrigger trigger = TriggerBuilder.newTrigger()
          .withIdentity(Keys.cron(s.name()))
          .forJob(job)
          .withSchedule(CronScheduleBuilder.cronSchedule(s.cron())
              .inTimeZone(TimeZone.getTimeZone(s.timeZone()))
              .withMisfireHandlingInstructionFireAndProceed())
          .build();
      Trigger existing = scheduler.getTrigger(Keys.cron(s.name()));
      if (existing instanceof CronTrigger
          && ((CronTrigger) existing).getCronExpression().equals(s.cron())
          && ((CronTrigger) existing).getTimeZone().getID().equals(s.timeZone().getId())
          && existing.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW) {
        scheduler.addJob(job, true);
        continue;
      }
      scheduler.scheduleJob(job, Set.of(trigger), true);
      LOG.info("schedule '{}': cron '{}' ({}), next fire {}", s.name(), s.cron(), s.timeZone(),
          trigger.getFireTimeAfter(new java.util.Date()));
    }
    for (JobKey k : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(Keys.SCHEDULES))) {
      if (!names.contains(k.getName())) {
        LOG.info("schedule '{}' removed from the configuration; deleting its trigger", k.getName());
        scheduler.deleteJob(k);
      }
    }
  }

  /**
   * Marks RUNNING runs that no job can finish as ABANDONED (see {@link Orphans}). Runs before the
   * scheduler starts: embedded, nothing else can be working on them, so no grace period.
   */
  private void abandonOrphans() throws SchedulerException {
    Duration grace = options.clustered() ? Orphans.CLUSTER_GRACE : Duration.ZERO;
    for (RunRecord r : store.running(Optional.empty())) {
      Orphans.abandonIfOrphan(scheduler, store, r, grace, options.clock().instant());
    }
  }

  /** Fires a schedule now (one run), as the cron trigger would. */
  public void runNow(String schedule) throws SchedulerException {
    scheduler.triggerJob(Keys.coordinator(schedule));
  }

  public HistoryStore history() {
    return store;
  }

  public String nodeId() {
    try {
      return scheduler.getSchedulerInstanceId();
    } catch (Exception e) {
      return "";
    }
  }

  /**
   * Graceful stop (SIGTERM): no new fires, waits up to the grace period for running parts. A part
   * still running after that is left PENDING in history and its job is recovered on the next
   * start, so a half-done scan is never marked complete.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Thread stopper = new Thread(() -> {
      try {
        scheduler.shutdown(true);
      } catch (SchedulerException e) {
        LOG.warn("scheduler shutdown: {}", e.toString());
      }
    }, "agentfence-shutdown");
    stopper.start();
    try {
      stopper.join(options.shutdownGrace().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopper.isAlive()) {
      LOG.warn("scans still running after {}; leaving them for recovery on the next start",
          options.shutdownGrace());
    }
    SharedConnectionProvider.unregister(poolKey);
    db.close();
    LOG.info("agentfence schedule service stopped");
  }

  /** Abrupt death (tests): stops Quartz without waiting and drops every database connection. */
  void kill() {
    closed = true;
    try {
      scheduler.shutdown(false);
    } catch (SchedulerException e) {
      LOG.warn("scheduler kill: {}", e.toString());
    }
    SharedConnectionProvider.unregister(poolKey);
    db.close();
  }

  Duration grace() {
    return options.shutdownGrace();
  }
}
