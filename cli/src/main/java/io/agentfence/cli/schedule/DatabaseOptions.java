package io.agentfence.cli.schedule;

import io.agentfence.cli.UserError;
import io.agentfence.schedules.history.Database;
import io.agentfence.schedules.history.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the service keeps its state: the embedded H2 database under {@code --data-dir}, or a
 * shared PostgreSQL ({@code --jdbc-url}), the password read from an environment variable so it
 * never appears in the process list.
 */
public final class DatabaseOptions {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Directory of the embedded database (default: dataDir of the config file, else ~/.agentfence).")
  Path dataDir;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/agentfence: runs clustered.")
  String jdbcUrl;

  @Option(names = "--jdbc-user", paramLabel = "USER", description = "Database user (with --jdbc-url).")
  String jdbcUser;

  @Option(names = "--jdbc-password-env", paramLabel = "VAR",
      description = "Environment variable holding the database password (with --jdbc-url).")
  String passwordEnv;

  static Path defaultDataDir() {
    return Path.of(System.getProperty("user.home"), ".agentfence");
  }

  /** The database settings; {@code configDataDir} is the config file's dataDir, if any. */
  DatabaseSettings settings(Optional<Path> configDataDir) {
    if (jdbcUrl == null) {
      if (jdbcUser != null || passwordEnv != null) {
        throw new UserError("agentfence: --jdbc-user and --jdbc-password-env need --jdbc-url");
      }
      return DatabaseSettings.embedded(dataDir(configDataDir));
    }
    if (dataDir != null) {
      throw new UserError("agentfence: use either --data-dir (embedded database) or --jdbc-url (PostgreSQL), not both");
    }
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new UserError("agentfence: --jdbc-url must be a PostgreSQL URL (jdbc:postgresql://host:5432/db);"
          + " leave it out for the embedded database");
    }
    String password = "";
    if (passwordEnv != null) {
      password = System.getenv(passwordEnv);
      if (password == null) {
        throw new UserError("agentfence: environment variable " + passwordEnv + " (--jdbc-password-env) is not set");
      }
    }
    return new DatabaseSettings(jdbcUrl, jdbcUser == null ? "" : jdbcUser, password);
  }

  Path dataDir(Optional<Path> configDataDir) {
    return dataDir != null ? dataDir : configDataDir.orElseGet(DatabaseOptions::defaultDataDir);
  }

  /** Opens an existing history for reading commands: never creates an empty database by mistake. */
  Database openExisting() {
    DatabaseSettings s = settings(Optional.empty());
    if (s.vendor() == DatabaseSettings.Vendor.H2) {
      Path dir = dataDir(Optional.empty());
      if (!Files.exists(dir.resolve("agentfence.mv.db"))) {
        throw new UserError("agentfence: no scan history in " + dir
            + " (the service has not run with this --data-dir; pass the one 'agentfence schedule' uses)");
      }
    }
    return open(s, 2);
  }

  static Database open(DatabaseSettings s, int pool) {
    try {
      return Database.open(s, pool);
    } catch (RuntimeException e) {
      throw new UserError(describe(s, e), e);
    }
  }

  private static String describe(DatabaseSettings s, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = String.valueOf(root.getMessage());
    if (m.contains("already in use") || m.contains("locked")) {
      return "agentfence: the embedded database " + s.redactedUrl().replaceFirst(";.*", "")
          + " is in use by another agentfence process (a running 'agentfence schedule'?). Stop it first,"
          + " or run the service on PostgreSQL to read history while it runs.";
    }
    return "agentfence: cannot open the database " + s.redactedUrl() + ": " + m;
  }
}
