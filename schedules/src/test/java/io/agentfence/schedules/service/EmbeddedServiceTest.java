package io.agentfence.schedules.service;

import static io.agentfence.schedules.service.Harness.NAME;
import static io.agentfence.schedules.service.Harness.NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.schedules.Scenario;
import io.agentfence.schedules.history.Database;
import io.agentfence.schedules.history.DatabaseSettings;
import io.agentfence.schedules.history.HistoryStore;
import io.agentfence.schedules.history.PartRecord;
import io.agentfence.schedules.history.RunRecord;
import io.agentfence.schedules.history.RunStatus;
import io.agentfence.schedules.source.ReplaySnapshotSource;
import io.agentfence.schedules.source.ScanPart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service on the embedded H2 database: real Quartz JDBC job store, real history tables. */
class EmbeddedServiceTest {
  @TempDir
  Path dir;

  private static List<RunRecord> finished(HistoryStore h) {
    return h.runs(Optional.of(NAME), 100).stream().filter(r -> r.status().finished())
        .sorted(Comparator.comparingLong(RunRecord::id)).toList();
  }

  @Test
  void fastCronFiresAndStoresHistoryWithDriftReports() throws Exception {
    Scenario s0 = Scenario.contained();
    var spec = Harness.spec("* * * * * ?", dir.resolve("reports"), List.of(Scenario.ACCOUNT), Optional.empty());
    try (ScheduleService svc = ScheduleService.start(Harness.config(spec), Harness.embedded(dir.resolve("data")),
        Harness.components(Harness.replay(s0.snapshot(), s0.runtimePublic().snapshot())))) {
      Harness.await(Duration.ofSeconds(20), "two finished runs", () -> finished(svc.history()).size() >= 2);
      List<RunRecord> runs = finished(svc.history());
      RunRecord first = runs.get(0);
      RunRecord second = runs.get(1);

      assertThat(first.status()).isEqualTo(RunStatus.COMPLETE);
      assertThat(SnapshotJson.write(svc.history().snapshot(first.id()).orElseThrow()))
          .isEqualTo(SnapshotJson.write(s0.snapshot()));
      assertThat(first.failCount()).isZero();
      assertThat(second.failCount()).isEqualTo(1);
      assertThat(svc.history().findings(second.id())).extracting(f -> f.ruleId() + " " + f.status())
          .containsExactly("TEST-NET-001 FAIL");

      Path reports = dir.resolve("reports").resolve(NAME).resolve("run-" + second.id());
      // reports are written right after the run's transaction commits
      Harness.await(Duration.ofSeconds(5), "reports", () -> Files.exists(reports.resolve("drift.md")));
      String driftJson = Files.readString(reports.resolve("drift.json"));
      assertThat(driftJson).contains("\"before\" : \"run " + first.id() + "\"", "\"field\" : \"network.mode\"",
          "\"after\" : \"PUBLIC\"", "\"ruleId\" : \"TEST-NET-001\"");
      assertThat(Files.readString(reports.resolve("drift.md")))
          .contains("| network.mode | VPC | PUBLIC |", "## New findings");
      // the run's findings through the project's reporters
      assertThat(Files.readString(reports.resolve("agentfence.sarif"))).contains("\"TEST-NET-001\"", "2.1.0");
      assertThat(reports.resolve("agentfence.json")).exists();
      assertThat(reports.resolve("agentfence.md")).exists();
    }
  }

  @Test
  void twoRunsOfAScheduleNeverOverlap() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    var spec = Harness.spec("* * * * * ?", dir.resolve("reports"), List.of(Scenario.ACCOUNT), Optional.empty());
    try (ScheduleService svc = ScheduleService.start(Harness.config(spec), Harness.embedded(dir.resolve("data")),
        Harness.components(Harness.source(part -> {
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            Thread.sleep(2_500); // a scan longer than the cron period
            return Scenario.contained().snapshot();
          } finally {
            inFlight.decrementAndGet();
          }
        })))) {
      Harness.await(Duration.ofSeconds(20), "two finished runs", () -> finished(svc.history()).size() >= 2);
      List<RunRecord> runs = finished(svc.history());
      assertThat(maxInFlight.get()).isEqualTo(1);
      for (int i = 1; i < runs.size(); i++) {
        assertThat(runs.get(i).startedAt()).isAfterOrEqualTo(runs.get(i - 1).finishedAt().orElseThrow());
      }
      // about 5 cron fires happened in that time; the ones during a run were skipped, not queued
      assertThat(svc.history().runs(Optional.of(NAME), 100)).hasSizeLessThanOrEqualTo(3);
    }
  }

  @Test
  void fireTimesMissedWhileDownCatchUpExactlyOnce() throws Exception {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    if (now.getSecond() > 45) {
      Thread.sleep((61 - now.getSecond()) * 1000L);
      now = LocalDateTime.now(ZoneOffset.UTC);
    }
    LocalDateTime t1 = now.withNano(0).plusSeconds(3);
    // three fire times, all to be missed while the service is down
    String cron = t1.getSecond() + "," + (t1.getSecond() + 1) + "," + (t1.getSecond() + 2) + " " + t1.getMinute() + " "
        + t1.getHour() + " * * ?";
    Instant lastFire = t1.plusSeconds(2).toInstant(ZoneOffset.UTC);
    var spec = Harness.spec(cron, dir.resolve("reports"), List.of(Scenario.ACCOUNT), Optional.empty());
    var components = Harness.components(Harness.replay(Scenario.contained().snapshot()));
    ScheduleService.start(Harness.config(spec), Harness.embedded(dir.resolve("data")), components).close();

    long wait = Duration.between(Instant.now(), lastFire).toMillis() + 1_500; // beyond misfireThreshold (500 ms)
    Thread.sleep(Math.max(wait, 0));

    try (ScheduleService svc = ScheduleService.start(Harness.config(spec), Harness.embedded(dir.resolve("data")),
        components)) {
      Instant restarted = Instant.now();
      Harness.await(Duration.ofSeconds(15), "the catch-up run", () -> finished(svc.history()).size() >= 1);
      Thread.sleep(2_000); // would a second or third catch-up come?
      List<RunRecord> runs = svc.history().runs(Optional.of(NAME), 100);
      assertThat(runs).hasSize(1);
      assertThat(runs.get(0).status()).isEqualTo(RunStatus.COMPLETE);
      assertThat(runs.get(0).startedAt()).isAfter(restarted.minusSeconds(1));
    }
  }

  @Test
  void aRunCutByACrashIsRecoveredOnRestartAndCompletesOnce() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    var spec = Harness.spec(NEVER, dir.resolve("reports"), List.of(Scenario.ACCOUNT), Optional.empty());
    ScheduleService crashed = ScheduleService.start(Harness.config(spec), Harness.embedded(dir.resolve("data")),
        Harness.components(Harness.source(part -> {
          entered.countDown();
          release.await(); // hangs "mid-scan" until the test ends
          return Scenario.contained().snapshot();
        })));
    try {
      crashed.runNow(NAME);
      assertThat(entered.await(15, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      crashed.kill(); // no graceful shutdown, connections gone

      try (ScheduleService svc = ScheduleService.start(Harness.config(spec), Harness.embedded(dir.resolve("data")),
          Harness.components(Harness.replay(Scenario.contained().snapshot())))) {
        Harness.await(Duration.ofSeconds(20), "the recovered run", () -> finished(svc.history()).size() >= 1);
        List<RunRecord> runs = svc.history().runs(Optional.of(NAME), 100);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).status()).isEqualTo(RunStatus.COMPLETE);
        List<PartRecord> parts = svc.history().parts(runs.get(0).id());
        assertThat(parts).singleElement().satisfies(p -> {
          assertThat(p.status()).isEqualTo(PartRecord.PartStatus.DONE);
          assertThat(p.attempts()).isEqualTo(2);
        });
      }
    } finally {
      release.countDown();
    }
  }

  @Test
  void sigtermDuringAScanLeavesItRunningNeverCompleteAndTheNextStartFinishesIt() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    var spec = Harness.spec(NEVER, dir.resolve("reports"), List.of(Scenario.ACCOUNT), Optional.empty());
    ScheduleService stopping = ScheduleService.start(Harness.config(spec),
        Harness.embedded(dir.resolve("data")).withShutdownGrace(Duration.ofSeconds(1)),
        Harness.components(Harness.source(part -> {
          entered.countDown();
          release.await(); // a scan longer than the shutdown grace period
          return Scenario.contained().snapshot();
        })));
    try {
      stopping.runNow(NAME);
      assertThat(entered.await(15, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      stopping.close(); // what the SIGTERM hook does; returns after the 1 s grace

      try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("data")), 2)) {
        HistoryStore h = new HistoryStore(db.dataSource());
        RunRecord r = h.runs(Optional.of(NAME), 10).get(0);
        assertThat(r.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(h.snapshot(r.id())).isEmpty();
        assertThat(h.parts(r.id())).extracting(PartRecord::status).containsExactly(PartRecord.PartStatus.PENDING);
      }
      release.countDown(); // the old scan ends after its service is gone: it must not store anything
      try (ScheduleService svc = ScheduleService.start(Harness.config(spec), Harness.embedded(dir.resolve("data")),
          Harness.components(Harness.replay(Scenario.contained().snapshot())))) {
        Harness.await(Duration.ofSeconds(20), "the recovered run", () -> finished(svc.history()).size() >= 1);
        assertThat(svc.history().runs(Optional.of(NAME), 10)).singleElement()
            .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.COMPLETE));
      }
    } finally {
      release.countDown();
    }
  }

  @Test
  void aRunningRunThatNobodyCanFinishIsMarkedAbandonedOnStart() throws Exception {
    Path data = dir.resolve("data");
    long id;
    try (Database db = Database.open(DatabaseSettings.embedded(data), 2)) {
      HistoryStore h = new HistoryStore(db.dataSource());
      id = h.openRun(NAME, "dead-node@1", "scope", List.of(new ScanPart(Scenario.ACCOUNT, List.of(Scenario.ACCOUNT),
          Harness.spec(NEVER, dir, List.of(Scenario.ACCOUNT), Optional.empty()).targets())), Instant.now()).id();
    }
    var spec = Harness.spec(NEVER, dir.resolve("reports"), List.of(Scenario.ACCOUNT), Optional.empty());
    try (ScheduleService svc = ScheduleService.start(Harness.config(spec), Harness.embedded(data),
        Harness.components(Harness.replay(Scenario.contained().snapshot())))) {
      RunRecord r = svc.history().run(id).orElseThrow();
      assertThat(r.status()).isEqualTo(RunStatus.ABANDONED);
      assertThat(svc.history().snapshot(id)).isEmpty();
      // and the next run of the schedule is not blocked by it
      svc.runNow(NAME);
      Harness.await(Duration.ofSeconds(15), "a new run", () -> finished(svc.history()).size() == 1);
    }
  }

  @Test
  void anOldOrphanedRunDoesNotBlockTheScheduleWhileTheServiceRuns() throws Exception {
    var spec = Harness.spec(NEVER, dir.resolve("reports"), List.of(Scenario.ACCOUNT), Optional.empty());
    try (ScheduleService svc = ScheduleService.start(Harness.config(spec), Harness.embedded(dir.resolve("data")),
        Harness.components(Harness.replay(Scenario.contained().snapshot())))) {
      long orphan = svc.history().openRun(NAME, "lost@1", spec.targets().scopeKey(),
          List.of(new ScanPart(Scenario.ACCOUNT, List.of(Scenario.ACCOUNT), spec.targets())),
          Instant.now().minus(Duration.ofMinutes(10))).id();
      long young = svc.history().openRun("other", "lost@2", spec.targets().scopeKey(),
          List.of(new ScanPart(Scenario.ACCOUNT, List.of(Scenario.ACCOUNT), spec.targets())), Instant.now()).id();

      svc.runNow(NAME);
      Harness.await(Duration.ofSeconds(15), "a new run", () -> finished(svc.history()).size() == 1);
      assertThat(svc.history().run(orphan).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
      // another schedule's run, younger than the cluster grace period, is not touched
      assertThat(svc.history().run(young).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }
  }

  @Test
  void replaySourceAdvancesOncePerRun() {
    var r = new ReplaySnapshotSource(List.of(Scenario.contained().snapshot(), Scenario.contained().runtimePublic().snapshot()));
    var targets = Harness.spec(NEVER, dir, List.of(Scenario.ACCOUNT), Optional.empty()).targets();
    assertThat(r.collect(new ScanPart("a", List.of(), targets, 1)).accounts()).hasSize(1);
    assertThat(r.current(1)).isSameAs(r.current(1));
    assertThat(r.current(2)).isNotSameAs(r.current(1));
    assertThat(r.current(3)).isSameAs(r.current(2)); // the last one repeats
  }
}
