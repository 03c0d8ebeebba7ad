package io.agentfence.schedules.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.schedules.Scenario;
import io.agentfence.schedules.config.Retention;
import io.agentfence.schedules.config.Targets;
import io.agentfence.schedules.history.PartRecord.PartStatus;
import io.agentfence.schedules.source.ScanPart;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
  private static final Targets TARGETS = new Targets(List.of("111111111111", "222222222222"), false, List.of(),
      Optional.empty());
  private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

  @TempDir
  Path dir;
  Database db;
  HistoryStore store;

  @BeforeEach
  void open() {
    db = Database.open(DatabaseSettings.embedded(dir), 10);
    store = new HistoryStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private RunRecord open(String fire, Instant at) {
    return store.openRun("nightly", fire, TARGETS.scopeKey(), List.of(
        new ScanPart("111111111111", List.of("111111111111"), TARGETS),
        new ScanPart("222222222222", List.of("222222222222"), TARGETS)), at);
  }

  private FinishedRun finished(Instant at) {
    Finding f = new Finding("AF-NET-001", Status.FAIL, Severity.HIGH,
        new ResourceRef("runtime", "rt-1", null, "111111111111", "us-east-1"), "PUBLIC", List.of(), Map.of());
    return new FinishedRun(RunStatus.COMPLETE, Scenario.contained().snapshot(), List.of(f), "", at);
  }

  @Test
  void theSameFireOpensTheSameRun() {
    RunRecord a = open("t@1", T0);
    RunRecord b = open("t@1", T0.plusSeconds(5));
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(store.parts(a.id())).extracting(PartRecord::status).containsOnly(PartStatus.PENDING);
  }

  @Test
  void onlyTheLastPartIsLastAndARunFinishesExactlyOnce() {
    RunRecord run = open("t@1", T0);
    byte[] part1 = Gzip.snapshot(Scenario.contained().snapshot());
    assertThat(store.settlePart(run.id(), "111111111111", "n1", PartStatus.DONE, part1, ""))
        .isEqualTo(HistoryStore.Settled.MORE_PENDING);
    assertThat(store.settlePart(run.id(), "222222222222", "n2", PartStatus.DONE, part1, ""))
        .isEqualTo(HistoryStore.Settled.LAST);
    assertThat(store.snapshot(run.id())).isEmpty();
    assertThat(store.run(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

    assertThat(store.finishRun(run.id(), finished(T0.plusSeconds(60)))).isTrue();
    assertThat(store.finishRun(run.id(), finished(T0.plusSeconds(61)))).isFalse();

    RunRecord done = store.run(run.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(done.failCount()).isEqualTo(1);
    assertThat(store.findings(run.id())).hasSize(1); // not twice
    assertThat(SnapshotJson.write(store.snapshot(run.id()).orElseThrow()))
        .isEqualTo(SnapshotJson.write(Scenario.contained().snapshot()));
    // a finished run accepts no more parts
    assertThat(store.settlePart(run.id(), "111111111111", "n3", PartStatus.DONE, part1, ""))
        .isEqualTo(HistoryStore.Settled.RUN_NOT_RUNNING);
  }

  @Test
  void partsSettledConcurrentlyHaveExactlyOneLast() throws Exception {
    List<ScanPart> parts = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String acct = "10000000000" + i;
      parts.add(new ScanPart(acct, List.of(acct), TARGETS));
    }
    RunRecord run = store.openRun("nightly", "t@c", TARGETS.scopeKey(), parts, T0);
    byte[] gz = Gzip.snapshot(Scenario.contained().snapshot());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<HistoryStore.Settled>> results = new java.util.ArrayList<>();
      for (ScanPart p : parts) {
        results.add(pool.submit(() -> {
          start.await();
          return store.settlePart(run.id(), p.key(), "n", PartStatus.DONE, gz, "");
        }));
      }
      start.countDown();
      int last = 0;
      for (var f : results) {
        last += f.get() == HistoryStore.Settled.LAST ? 1 : 0;
      }
      assertThat(last).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anAbandonedRunCannotBeCompletedLater() {
    RunRecord run = open("t@1", T0);
    assertThat(store.endWithout(run.id(), RunStatus.ABANDONED, "node died", T0.plusSeconds(1))).isTrue();
    assertThat(store.finishRun(run.id(), finished(T0.plusSeconds(2)))).isFalse();
    assertThat(store.run(run.id()).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
    assertThat(store.snapshot(run.id())).isEmpty();
  }

  @Test
  void retentionByCountKeepsTheNewestAndNeverTouchesRunningRuns() {
    for (int i = 0; i < 5; i++) {
      RunRecord r = open("t@" + i, T0.plus(Duration.ofDays(i)));
      store.finishRun(r.id(), finished(T0.plus(Duration.ofDays(i))));
    }
    RunRecord running = open("t@9", T0.plus(Duration.ofDays(9)));

    int deleted = store.applyRetention("nightly", new Retention(Optional.of(2), Optional.empty()), T0.plus(Duration.ofDays(10)));

    assertThat(deleted).isEqualTo(3);
    assertThat(store.runs(Optional.of("nightly"), 100)).extracting(RunRecord::fireKey)
        .containsExactly("t@9", "t@4", "t@3");
    assertThat(store.run(running.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  void retentionByAge() {
    for (int i = 0; i < 4; i++) {
      RunRecord r = open("t@" + i, T0.plus(Duration.ofDays(i * 10L)));
      store.finishRun(r.id(), finished(T0.plus(Duration.ofDays(i * 10L))));
    }
    int deleted = store.applyRetention("nightly", new Retention(Optional.empty(), Optional.of(Duration.ofDays(15))),
        T0.plus(Duration.ofDays(31)));
    assertThat(deleted).isEqualTo(2);
    assertThat(store.runs(Optional.empty(), 100)).extracting(RunRecord::fireKey).containsExactly("t@3", "t@2");
    assertThat(store.findings(store.runs(Optional.empty(), 100).get(1).id())).hasSize(1);
  }

  @Test
  void previousFinishedIsTheLatestCompleteOrIncompleteRunOfTheSameScope() {
    RunRecord a = open("t@1", T0);
    store.finishRun(a.id(), finished(T0));
    RunRecord b = open("t@2", T0.plusSeconds(10));
    store.endWithout(b.id(), RunStatus.FAILED, "boom", T0.plusSeconds(11));
    RunRecord c = open("t@3", T0.plusSeconds(20));
    assertThat(store.previousFinished("nightly", TARGETS.scopeKey(), c.id())).map(RunRecord::id).contains(a.id());
    assertThat(store.previousFinished("nightly", "other scope", c.id())).isEmpty();
  }
}
