package io.agentfence.schedules.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one pooled DataSource shared by Quartz (through {@link
 * io.agentfence.schedules.service.SharedConnectionProvider}), Flyway and the history store, with
 * the schema migrated on open.
 */
public final class Database implements AutoCloseable {
  private final DatabaseSettings settings;
  private final HikariDataSource dataSource;

  private Database(DatabaseSettings settings, HikariDataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
  }

  /** Opens the pool and applies pending migrations (Quartz tables, then ours). */
  public static Database open(DatabaseSettings settings, int poolSize) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(settings.jdbcUrl());
    c.setUsername(settings.user());
    c.setPassword(settings.password());
    c.setDriverClassName(settings.vendor().driver());
    c.setMaximumPoolSize(poolSize);
    c.setPoolName("agentfence-db");
    // Quartz manages its own transactions: it expects connections with autocommit off.
    c.setAutoCommit(false);
    c.setConnectionTimeout(10_000);
    HikariDataSource ds = new HikariDataSource(c);
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations(settings.vendor().migrations())
          .load()
          .migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return new Database(settings, ds);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
