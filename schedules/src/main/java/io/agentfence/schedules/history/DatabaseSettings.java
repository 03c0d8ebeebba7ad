package io.agentfence.schedules.history;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the scheduler state and the scan history live: an embedded H2 file under the data dir
 * (default), or a shared PostgreSQL for a cluster.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password) {
  public DatabaseSettings {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw new IllegalArgumentException("jdbcUrl is required");
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /**
   * The embedded database. DB_CLOSE_ON_EXIT=FALSE because our shutdown hook still needs it while
   * the JVM exits. Single-process: H2 locks the file, so {@code agentfence history} reads it when
   * the service is stopped (AUTO_SERVER would open an unauthenticated TCP port instead).
   */
  public static DatabaseSettings embedded(Path dataDir) {
    return new DatabaseSettings("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("agentfence")
        + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
  }

  public Vendor vendor() {
    String u = jdbcUrl.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:postgresql:")) {
      return Vendor.POSTGRESQL;
    }
    if (u.startsWith("jdbc:h2:")) {
      return Vendor.H2;
    }
    throw new IllegalArgumentException("unsupported JDBC URL '" + jdbcUrl
        + "': use jdbc:postgresql://host:5432/db (cluster) or leave it out for the embedded H2 database");
  }

  /** The URL without credentials-bearing parameters, for logs. */
  public String redactedUrl() {
    int q = jdbcUrl.indexOf('?');
    return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
  }

  public enum Vendor {
    H2("org.h2.Driver", "h2"),
    POSTGRESQL("org.postgresql.Driver", "postgresql");

    private final String driver;
    private final String migrations;

    Vendor(String driver, String migrations) {
      this.driver = driver;
      this.migrations = migrations;
    }

    public String driver() {
      return driver;
    }

    /** Flyway location of this database's migrations. */
    public String migrations() {
      return "classpath:db/migration/" + migrations;
    }
  }
}
