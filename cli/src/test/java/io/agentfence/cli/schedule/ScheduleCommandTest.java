package io.agentfence.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleCommandTest {
  @TempDir
  Path dir;

  private Path config(String yaml) throws Exception {
    Path f = dir.resolve("schedules.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void aBadConfigIsExitTwoWithFileLineAndColumn() throws Exception {
    Path f = config("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets: {accounts: ["111122223333"]}
            webhook: {url: "ftp://example.com/x"}
        """);
    Cli r = Cli.run("schedule", "--config", f.toString(), "--data-dir", dir.resolve("data").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo(f + ":6:20: webhook url must start with https:// (or http:// for a local receiver)");
    assertThat(Files.exists(dir.resolve("data"))).isFalse();
  }

  @Test
  void checkValidatesReplayFilesAndStops() throws Exception {
    Files.copy(Cli.resource("night1.json"), dir.resolve("night1.json"));
    Path f = config("""
        version: 1
        schedules:
          - name: demo
            cron: "0 0 2 * * ?"
            source: replay
            replay: [night1.json]
        """);
    Cli ok = Cli.run("schedule", "--config", f.toString(), "--check");
    assertThat(ok.code()).isZero();
    assertThat(ok.err()).contains("is valid: 1 schedule(s)");

    Files.writeString(dir.resolve("night1.json"), "[]");
    Cli bad = Cli.run("schedule", "--config", f.toString(), "--check");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("night1.json: not an agentfence inventory snapshot");
  }

  @Test
  void demoSourceIsAvailable() throws Exception {
    Path f = config("""
        version: 1
        schedules:
          - {name: demo, cron: "0 0 2 * * ?", source: demo}
        """);
    Cli r = Cli.run("schedule", "--config", f.toString(), "--check");
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void liveSourceIsRefusedUntilTheEngineIsWired() throws Exception {
    Path f = config("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets: {accounts: ["111122223333"]}
        """);
    Cli r = Cli.run("schedule", "--config", f.toString(), "--check");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("schedule 'nightly': source 'live' needs the live scan engine");
  }

  @Test
  void jdbcOptionsAreChecked() throws Exception {
    Files.copy(Cli.resource("night1.json"), dir.resolve("night1.json"));
    Path f = config("""
        version: 1
        schedules:
          - {name: demo, cron: "0 0 2 * * ?", source: replay, replay: [night1.json]}
        """);
    Cli mysql = Cli.run("schedule", "--config", f.toString(), "--jdbc-url", "jdbc:mysql://db/x", "--check");
    assertThat(mysql.code()).isEqualTo(2);
    assertThat(mysql.err()).contains("--jdbc-url must be a PostgreSQL URL");
    Cli env = Cli.run("schedule", "--config", f.toString(), "--jdbc-url", "jdbc:postgresql://db/x",
        "--jdbc-password-env", "AGENTFENCE_TEST_SURELY_UNSET_VAR", "--check");
    assertThat(env.code()).isEqualTo(2);
    assertThat(env.err()).contains("AGENTFENCE_TEST_SURELY_UNSET_VAR (--jdbc-password-env) is not set");
  }
}
