package io.agentfence.schedules.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Hands Quartz the service's own HikariCP pool, so the job store, Flyway and the history store
 * share one DataSource. Quartz instantiates this class by name and sets {@code poolKey} from
 * {@code org.quartz.dataSource.<name>.poolKey}; the key selects a pool registered by the service.
 */
public final class SharedConnectionProvider implements ConnectionProvider {
  private static final Map<String, DataSource> POOLS = new ConcurrentHashMap<>();

  private String poolKey = "";

  static void register(String key, DataSource ds) {
    POOLS.put(key, ds);
  }

  static void unregister(String key) {
    POOLS.remove(key);
  }

  public void setPoolKey(String poolKey) {
    this.poolKey = poolKey;
  }

  @Override
  public Connection getConnection() throws SQLException {
    DataSource ds = POOLS.get(poolKey);
    if (ds == null) {
      throw new SQLException("agentfence connection pool '" + poolKey + "' is closed");
    }
    return ds.getConnection();
  }

  @Override
  public void initialize() throws SQLException {
    if (!POOLS.containsKey(poolKey)) {
      throw new SQLException("no agentfence connection pool registered as '" + poolKey + "'");
    }
  }

  /** The pool belongs to the service, which closes it after the scheduler has stopped. */
  @Override
  public void shutdown() {}
}
