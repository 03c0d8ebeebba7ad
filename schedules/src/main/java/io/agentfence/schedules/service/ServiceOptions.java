package io.agentfence.schedules.service;

import io.agentfence.schedules.history.DatabaseSettings;
import java.time.Clock;
import java.time.Duration;

/**
 * How the service runs on this node. Clustering follows the database: PostgreSQL means the
 * clustered JDBC job store, H2 the single-node embedded one.
 *
 * @param misfireThreshold       how late a fire may be before the misfire policy applies
 * @param clusterCheckinInterval how often a node checks in; a node silent for about this plus
 *                               7.5 s is considered dead and its jobs are recovered
 * @param shutdownGrace          how long SIGTERM waits for running scans before leaving them for
 *                               recovery
 * @param idleWait               how often an idle node polls the job store: a node only learns of
 *                               parts another node scheduled by polling, so this bounds how soon
 *                               the cluster shares a run (Quartz's default is 30 s)
 */
public record ServiceOptions(
    DatabaseSettings database,
    int threads,
    Duration misfireThreshold,
    Duration clusterCheckinInterval,
    Duration shutdownGrace,
    Duration idleWait,
    Clock clock) {
  public ServiceOptions {
    if (database == null) {
      throw new IllegalArgumentException("database is required");
    }
    threads = Math.max(1, threads);
    misfireThreshold = misfireThreshold == null ? Duration.ofSeconds(60) : misfireThreshold;
    clusterCheckinInterval = clusterCheckinInterval == null ? Duration.ofSeconds(15) : clusterCheckinInterval;
    shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(30) : shutdownGrace;
    idleWait = idleWait == null ? Duration.ofSeconds(5) : idleWait;
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  public static ServiceOptions defaults(DatabaseSettings db, int threads) {
    return new ServiceOptions(db, threads, null, null, null, null, null);
  }

  public ServiceOptions withMisfireThreshold(Duration d) {
    return new ServiceOptions(database, threads, d, clusterCheckinInterval, shutdownGrace, idleWait, clock);
  }

  public ServiceOptions withClusterCheckinInterval(Duration d) {
    return new ServiceOptions(database, threads, misfireThreshold, d, shutdownGrace, idleWait, clock);
  }

  public ServiceOptions withShutdownGrace(Duration d) {
    return new ServiceOptions(database, threads, misfireThreshold, clusterCheckinInterval, d, idleWait, clock);
  }

  public ServiceOptions withIdleWait(Duration d) {
    return new ServiceOptions(database, threads, misfireThreshold, clusterCheckinInterval, shutdownGrace, d, clock);
  }

  public boolean clustered() {
    return database.vendor() == DatabaseSettings.Vendor.POSTGRESQL;
  }
}
