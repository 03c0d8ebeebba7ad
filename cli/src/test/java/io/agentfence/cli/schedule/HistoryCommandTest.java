package io.agentfence.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.check.CheckRunner;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.schedules.config.ConfigParser;
import io.agentfence.schedules.config.ScheduleConfig;
import io.agentfence.schedules.history.DatabaseSettings;
import io.agentfence.schedules.history.RunRecord;
import io.agentfence.schedules.notify.WebhookNotifier;
import io.agentfence.schedules.service.BaselineLoader;
import io.agentfence.schedules.service.ScheduleService;
import io.agentfence.schedules.service.ServiceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history list/show/export over a database written by the real service. */
class HistoryCommandTest {
  @TempDir
  Path dir;

  private long runOnce(Path data) throws Exception {
    return runOnce(data, "source: replay, replay: [night1.json]");
  }

  private long runOnce(Path data, String source) throws Exception {
    Files.copy(Cli.resource("night1.json"), dir.resolve("night1.json"));
    Path cfg = dir.resolve("schedules.yaml");
    Files.writeString(cfg, """
        version: 1
        schedules:
          - {name: demo, cron: "0 0 3 1 1 ? 2099", %s}
        """.formatted(source));
    ScheduleConfig config = ConfigParser.parse(cfg);
    var components = new ScheduleService.Components(new Sources(), () -> new CheckRunner(List.of()),
        f -> BaselineLoader.none(), List.of(), WebhookNotifier.standard(), "test");
    try (ScheduleService svc = ScheduleService.start(config,
        ServiceOptions.defaults(DatabaseSettings.embedded(data), 2), components)) {
      svc.runNow("demo");
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < end) {
        Optional<RunRecord> done = svc.history().runs(Optional.of("demo"), 1).stream()
            .filter(r -> r.status().finished()).findFirst();
        if (done.isPresent()) {
          return done.get().id();
        }
        Thread.sleep(100);
      }
      throw new AssertionError("the run did not finish");
    }
  }

  @Test
  void listShowAndExportARun() throws Exception {
    Path data = dir.resolve("data");
    long id = runOnce(data);

    Cli list = Cli.run("history", "list", "--data-dir", data.toString());
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("RUN", "demo").containsPattern(id + "\\s+demo\\s+COMPLETE");

    Cli show = Cli.run("history", "show", Long.toString(id), "--data-dir", data.toString());
    assertThat(show.code()).isZero();
    assertThat(show.out()).contains("run " + id + " of 'demo': COMPLETE", "all  DONE  node");

    Path exported = dir.resolve("export.json");
    Cli export = Cli.run("history", "export", Long.toString(id), "-o", exported.toString(), "--data-dir", data.toString());
    assertThat(export.code()).isZero();
    assertThat(SnapshotJson.write(SnapshotJson.read(exported)))
        .isEqualTo(SnapshotJson.write(SnapshotJson.read(Cli.resource("night1.json"))));

    Cli none = Cli.run("history", "show", "999", "--data-dir", data.toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no run 999");
  }

  @Test
  void theDemoOrganizationIsScannedOnePartPerAccount() throws Exception {
    Path data = dir.resolve("data");
    long id = runOnce(data, "source: demo");
    Cli show = Cli.run("history", "show", Long.toString(id), "--data-dir", data.toString());
    assertThat(show.code()).isZero();
    assertThat(show.out()).contains("111111111111  DONE", "222222222222  DONE", "333333333333  DONE",
        "444444444444  DONE");
  }

  @Test
  void aDataDirWithoutHistoryIsAClearError() {
    Cli r = Cli.run("history", "list", "--data-dir", dir.resolve("empty").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no scan history in").doesNotContain("Exception");
    assertThat(Files.exists(dir.resolve("empty"))).isFalse();
  }
}
