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
 */
public record ServiceOptions(
    DatabaseSettings database,
    int threads,
    Duration misfireThreshold,
    Duration clusterCheckinInterval,
    Duration shutdownGrace,
    Clock clock) {
  public ServiceOptions {
    if (database == null) {
      throw new IllegalArgumentException("database is required");
    }
    threads = Math.max(1, threads);
    misfireThreshold = misfireThreshold == null ? Duration.ofSeconds(60) : misfireThreshold;
    clusterCheckinInterval = clusterCheckinInterval == null ? Duration.ofSeconds(15) : clusterCheckinInterval;
    shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(30) : shutdownGrace;
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  public static ServiceOptions defaults(DatabaseSettings db, int threads) {
    return new ServiceOptions(db, threads, null, null, null, null);
  }

  public ServiceOptions withMisfireThreshold(Duration d) {
    return new ServiceOptions(database, threads, d, clusterCheckinInterval, shutdownGrace, clock);
  }

  public ServiceOptions withClusterCheckinInterval(Duration d) {
    return new ServiceOptions(database, threads, misfireThreshold, d, shutdownGrace, clock);
  }

  public ServiceOptions withShutdownGrace(Duration d) {
    return new ServiceOptions(database, threads, misfireThreshold, clusterCheckinInterval, d, clock);
  }

  public boolean clustered() {
    return database.vendor() == DatabaseSettings.Vendor.POSTGRESQL;
  }
}
