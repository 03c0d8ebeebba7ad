package io.agentfence.schedules.service;

import static io.agentfence.schedules.service.Harness.NAME;
import static io.agentfence.schedules.service.Harness.NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.Snapshot;
import io.agentfence.schedules.Scenario;
import io.agentfence.schedules.history.DatabaseSettings;
import io.agentfence.schedules.history.PartRecord;
import io.agentfence.schedules.history.RunRecord;
import io.agentfence.schedules.history.RunStatus;
import io.agentfence.schedules.source.ReplaySnapshotSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two scheduler nodes in one JVM against a real PostgreSQL (clustered JDBC job store, checkin
 * every second): the per-account parts of a run are shared between nodes, and a node killed
 * mid-scan has its parts recovered by the other, the run completing exactly once.
 */
class ClusterTest {
  private static final List<String> ACCOUNTS = List.of("111111111111", "222222222222", "333333333333", "444444444444");
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static TestPostgres pg;

  @TempDir
  Path dir;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = TestPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  /** A fresh database per test: its own Quartz and history tables. */
  private static DatabaseSettings freshDatabase() throws Exception {
    String name = "cluster" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    return new DatabaseSettings(pg.jdbcUrl().replace("/postgres", "/" + name), "postgres", "");
  }

  private static ServiceOptions node(DatabaseSettings db) {
    return ServiceOptions.defaults(db, 2)
        .withClusterCheckinInterval(Duration.ofSeconds(1))
        .withMisfireThreshold(Duration.ofSeconds(1))
        .withShutdownGrace(Duration.ofSeconds(3))
        .withIdleWait(Duration.ofSeconds(1));
  }

  private static final Snapshot ORG = Scenario.contained().withAccounts(ACCOUNTS.toArray(String[]::new)).snapshot();

  private static Optional<RunRecord> finished(ScheduleService s) {
    return s.history().runs(Optional.of(NAME), 10).stream().filter(r -> r.status().finished()).findFirst();
  }

  @Test
  void perAccountPartsAreSharedBetweenNodesAndTheRunCompletesOnce() throws Exception {
    DatabaseSettings db = freshDatabase();
    var spec = Harness.spec(NEVER, dir.resolve("reports"), ACCOUNTS, Optional.empty());
    Map<String, String> collectedBy = new ConcurrentHashMap<>();
    Harness.Collect slow = part -> {
      collectedBy.put(part.key(), Thread.currentThread().getName());
      Thread.sleep(1_500);
      return ReplaySnapshotSource.slice(ORG, part);
    };
    try (ScheduleService a = ScheduleService.start(Harness.config(spec), node(db), Harness.components(Harness.source(slow)));
        ScheduleService b = ScheduleService.start(Harness.config(spec), node(db), Harness.components(Harness.source(slow)))) {
      assertThat(a.nodeId()).isNotEqualTo(b.nodeId());
      a.runNow(NAME);
      Harness.await(Duration.ofSeconds(30), "the run to finish", () -> finished(a).isPresent());

      RunRecord run = finished(a).orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
      assertThat(a.history().runs(Optional.of(NAME), 10)).hasSize(1);
      List<PartRecord> parts = a.history().parts(run.id());
      assertThat(parts).extracting(PartRecord::key).containsExactlyElementsOf(ACCOUNTS);
      assertThat(parts).allSatisfy(p -> assertThat(p.status()).isEqualTo(PartRecord.PartStatus.DONE));
      Set<String> nodes = parts.stream().map(PartRecord::node).collect(Collectors.toSet());
      assertThat(nodes).containsExactlyInAnyOrder(a.nodeId(), b.nodeId());
      assertThat(b.history().snapshot(run.id()).orElseThrow().accounts()).extracting(x -> x.account().id())
          .containsExactlyElementsOf(ACCOUNTS);
      Harness.await(Duration.ofSeconds(5), "reports", () ->
          Files.exists(dir.resolve("reports").resolve(NAME).resolve("run-" + run.id()).resolve("drift.md")));
    }
  }

  @Test
  void aNodeKilledMidScanHasItsPartsRecoveredAndTheRunCompletesOnce() throws Exception {
    DatabaseSettings db = freshDatabase();
    var spec = Harness.spec(NEVER, dir.resolve("reports"), ACCOUNTS, Optional.empty());
    CountDownLatch bothThreadsBusy = new CountDownLatch(2);
    CountDownLatch never = new CountDownLatch(1);
    Set<String> heldByDeadNode = ConcurrentHashMap.newKeySet();
    ScheduleService doomed = ScheduleService.start(Harness.config(spec), node(db),
        Harness.components(Harness.source(part -> {
          heldByDeadNode.add(part.key());
          bothThreadsBusy.countDown();
          never.await(); // hangs mid-scan until the node is killed
          return ReplaySnapshotSource.slice(ORG, part);
        })));
    try {
      doomed.runNow(NAME);
      assertThat(bothThreadsBusy.await(20, TimeUnit.SECONDS)).isTrue();
      try (ScheduleService survivor = ScheduleService.start(Harness.config(spec), node(db),
          Harness.components(Harness.source(part -> ReplaySnapshotSource.slice(ORG, part))))) {
        doomed.kill();
        Harness.await(Duration.ofSeconds(40), "recovery and completion", () -> finished(survivor).isPresent());

        RunRecord run = finished(survivor).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(survivor.history().runs(Optional.of(NAME), 10)).hasSize(1);
        List<PartRecord> parts = survivor.history().parts(run.id());
        assertThat(parts).allSatisfy(p -> {
          assertThat(p.status()).isEqualTo(PartRecord.PartStatus.DONE);
          assertThat(p.node()).isEqualTo(survivor.nodeId());
        });
        assertThat(heldByDeadNode).hasSize(2);
        assertThat(parts).filteredOn(p -> heldByDeadNode.contains(p.key()))
            .allSatisfy(p -> assertThat(p.attempts()).isEqualTo(2));
        List<AccountInventory> accounts = survivor.history().snapshot(run.id()).orElseThrow().accounts();
        assertThat(accounts).extracting(x -> x.account().id()).containsExactlyElementsOf(ACCOUNTS);
      }
    } finally {
      never.countDown();
    }
  }
}
