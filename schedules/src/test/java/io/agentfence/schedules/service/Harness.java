package io.agentfence.schedules.service;

import static org.assertj.core.api.Assertions.fail;

import io.agentfence.check.CheckRunner;
import io.agentfence.inventory.Snapshot;
import io.agentfence.schedules.config.Outputs;
import io.agentfence.schedules.config.Retention;
import io.agentfence.schedules.config.ScheduleConfig;
import io.agentfence.schedules.config.ScheduleSpec;
import io.agentfence.schedules.config.SourceSpec;
import io.agentfence.schedules.config.Targets;
import io.agentfence.schedules.config.WebhookConfig;
import io.agentfence.schedules.history.DatabaseSettings;
import io.agentfence.schedules.notify.WebhookNotifier;
import io.agentfence.schedules.source.ReplaySnapshotSource;
import io.agentfence.schedules.source.ScanPart;
import io.agentfence.schedules.source.SnapshotSource;
import io.agentfence.schedules.source.SnapshotSourceFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Builds schedules, options and components for the service tests. */
final class Harness {
  static final String NAME = "nightly";
  /** 03:00 on 1 January 2099: never fires during a test; runs are started with runNow. */
  static final String NEVER = "0 0 3 1 1 ? 2099";

  private Harness() {}

  static ScheduleSpec spec(String cron, Path reports, List<String> accounts, Optional<WebhookConfig> hook) {
    return new ScheduleSpec(NAME, cron, ZoneId.of("UTC"), SourceSpec.live(),
        new Targets(accounts, false, List.of("us-east-1"), Optional.empty()), Optional.empty(),
        new Outputs(reports, Outputs.KNOWN_FORMATS), Retention.keepAll(), hook);
  }

  static ScheduleConfig config(ScheduleSpec spec) {
    return new ScheduleConfig("<test>", Optional.empty(), 4, List.of(spec));
  }

  static ServiceOptions embedded(Path dataDir) {
    return ServiceOptions.defaults(DatabaseSettings.embedded(dataDir), 4)
        .withMisfireThreshold(Duration.ofMillis(500))
        .withShutdownGrace(Duration.ofSeconds(5));
  }

  static ScheduleService.Components components(SnapshotSourceFactory sources) {
    return new ScheduleService.Components(sources, () -> new CheckRunner(List.of(new RuntimeModeTestCheck())),
        file -> {
          throw new IllegalStateException("no baseline in tests");
        }, io.agentfence.reporters.Reporters.all(), new WebhookNotifier(HttpClient.newHttpClient(), Duration.ofMillis(50)), "test");
  }

  static SnapshotSourceFactory replay(Snapshot... snapshots) {
    ReplaySnapshotSource r = new ReplaySnapshotSource(List.of(snapshots));
    return spec -> r;
  }

  /** A source from a lambda (collect may block or count). */
  interface Collect {
    Snapshot collect(ScanPart part) throws InterruptedException;
  }

  static SnapshotSourceFactory source(Collect c) {
    SnapshotSource s = c::collect;
    return spec -> s;
  }

  static void await(Duration timeout, String what, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (done.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    fail("timed out after " + timeout + " waiting for " + what);
  }
}
