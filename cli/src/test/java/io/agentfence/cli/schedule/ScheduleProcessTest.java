package io.agentfence.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agentfence schedule} as a real process: it runs in the foreground, logs to stdout, stores
 * history, and stops cleanly on SIGTERM (what systemd and Kubernetes send).
 */
class ScheduleProcessTest {
  @TempDir
  Path dir;

  @Test
  void runsLogsToStdoutAndStopsOnSigterm() throws Exception {
    Files.copy(Cli.resource("night1.json"), dir.resolve("night1.json"));
    Path cfg = dir.resolve("schedules.yaml");
    Files.writeString(cfg, """
        version: 1
        schedules:
          - name: demo
            cron: "* * * * * ?"
            source: replay
            replay: [night1.json]
            outputs: {reportsDir: reports}
        """);
    Path data = dir.resolve("data");
    Path log = dir.resolve("stdout.log");
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.agentfence.cli.Main",
        "schedule", "--config", cfg.toString(), "--data-dir", data.toString()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    try {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < end && !Files.readString(log).contains("of 'demo' COMPLETE")) {
        assertThat(p.isAlive()).as("service exited early: %s", Files.readString(log)).isTrue();
        Thread.sleep(200);
      }
      assertThat(Files.readString(log)).contains("agentfence schedule service started", "of 'demo' COMPLETE");

      p.destroy(); // SIGTERM
      assertThat(p.waitFor(45, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
      assertThat(Files.readString(log)).contains("agentfence schedule service stopped");
    } finally {
      p.destroyForcibly();
    }

    Cli list = Cli.run("history", "list", "--data-dir", data.toString());
    assertThat(list.code()).isZero();
    assertThat(list.out()).containsPattern("\\d+\\s+demo\\s+COMPLETE");
    assertThat(dir.resolve("reports/demo")).isDirectory();
  }
}
