package io.agentfence.schedules.service;

import io.agentfence.baseline.Baseline;
import io.agentfence.check.CheckRunner;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Status;
import io.agentfence.inventory.Snapshot;
import io.agentfence.schedules.config.ScheduleSpec;
import io.agentfence.schedules.drift.DriftEngine;
import io.agentfence.schedules.drift.DriftReport;
import io.agentfence.schedules.history.FinishedRun;
import io.agentfence.schedules.history.HistoryStore;
import io.agentfence.schedules.history.PartRecord;
import io.agentfence.schedules.history.RunRecord;
import io.agentfence.schedules.history.RunStatus;
import io.agentfence.schedules.notify.Notification;
import io.agentfence.schedules.notify.WebhookNotifier;
import io.agentfence.schedules.source.SnapshotMerger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregation step: once every part of a run is in, merges the parts, runs the checks, stores
 * snapshot + findings + coverage with the final status in one transaction, then (outside it)
 * writes the reports, notifies the webhook and applies retention. Only the node whose store
 * transaction moved the run out of RUNNING does the after-steps, so they happen once per run.
 */
public final class RunFinalizer {
  private static final Logger LOG = LoggerFactory.getLogger(RunFinalizer.class);

  private final HistoryStore store;
  private final Supplier<CheckRunner> checks;
  private final BaselineLoader baselines;
  private final ReportWriter reports;
  private final WebhookNotifier webhook;
  private final Clock clock;
  private final String toolVersion;

  public RunFinalizer(HistoryStore store, Supplier<CheckRunner> checks, BaselineLoader baselines,
      ReportWriter reports, WebhookNotifier webhook, Clock clock, String toolVersion) {
    this.store = store;
    this.checks = checks;
    this.baselines = baselines;
    this.reports = reports;
    this.webhook = webhook;
    this.clock = clock;
    this.toolVersion = toolVersion;
  }

  void finish(ScheduleSpec spec, long runId) {
    RunRecord run = store.run(runId).orElseThrow();
    if (run.status() != RunStatus.RUNNING) {
      return;
    }
    List<PartRecord> parts = store.parts(runId);
    Optional<PartRecord> failed = parts.stream().filter(p -> p.status() == PartRecord.PartStatus.FAILED).findFirst();
    if (failed.isPresent()) {
      String msg = "part " + failed.get().key() + " failed on " + failed.get().node() + ": " + failed.get().message();
      if (store.endWithout(runId, RunStatus.FAILED, msg, clock.instant())) {
        LOG.error("run {} of '{}' FAILED: {}", runId, spec.name(), msg);
        notify(spec, run, RunStatus.FAILED, 0, 0, Optional.empty(), Optional.empty(), msg);
      }
      return;
    }
    Snapshot snapshot;
    ScanReport report;
    try {
      snapshot = SnapshotMerger.merge(store.partSnapshots(runId));
      Baseline baseline = spec.baseline().map(baselines::load).orElseGet(BaselineLoader::none);
      report = checks.get().report(snapshot, baseline, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
          toolVersion);
    } catch (RuntimeException e) {
      String msg = "cannot evaluate run: " + e.getMessage();
      if (store.endWithout(runId, RunStatus.FAILED, msg, clock.instant())) {
        LOG.error("run {} of '{}' FAILED: {}", runId, spec.name(), msg);
        notify(spec, run, RunStatus.FAILED, 0, 0, Optional.empty(), Optional.empty(), msg);
      }
      return;
    }
    RunStatus status = snapshot.complete() ? RunStatus.COMPLETE : RunStatus.INCOMPLETE;
    Instant now = clock.instant();
    Optional<RunRecord> previous = store.previousFinished(spec.name(), run.scopeKey(), runId);
    String msg = status == RunStatus.INCOMPLETE ? "part of the scope could not be read; see coverage" : "";
    if (!store.finishRun(runId, new FinishedRun(status, snapshot, report.findings(), msg, now))) {
      LOG.info("run {} was finished by another node", runId);
      return;
    }
    LOG.info("run {} of '{}' {}: {} finding(s), {} failing", runId, spec.name(), status,
        report.findings().size(), report.findings().stream().filter(f -> f.counts()).count());

    DriftReport drift = previous
        .flatMap(p -> store.snapshot(p.id()).map(s -> DriftEngine.compare(
            new DriftEngine.Side("run " + p.id(), s, store.findings(p.id())),
            new DriftEngine.Side("run " + runId, snapshot, report.findings()))))
        .orElseGet(() -> DriftEngine.compare(
            new DriftEngine.Side("(no previous run)", snapshot, report.findings()),
            new DriftEngine.Side("run " + runId, snapshot, report.findings())));
    Optional<Path> dir = Optional.empty();
    try {
      dir = Optional.of(reports.write(spec, runId, report, drift));
    } catch (Exception e) {
      LOG.error("run {}: reports not written ({}); the run is stored in history", runId, e.toString());
    }
    int failing = (int) report.findings().stream().filter(f -> f.counts()).count();
    int unknown = (int) report.findings().stream().filter(f -> f.status() == Status.UNKNOWN).count();
    Optional<Notification.DriftCounts> counts = previous.map(p -> new Notification.DriftCounts("run " + p.id(),
        drift.added().size(), drift.removed().size(), drift.changed().size(), drift.unknown().size(),
        drift.newFindings().size(), drift.resolvedFindings().size()));
    notify(spec, run, status, failing, unknown, counts, dir.map(Path::toString), msg);
    try {
      int deleted = store.applyRetention(spec.name(), spec.retention(), now);
      if (deleted > 0) {
        LOG.info("retention: deleted {} old run(s) of '{}'", deleted, spec.name());
      }
    } catch (RuntimeException e) {
      LOG.warn("retention for '{}' failed: {}", spec.name(), e.getMessage());
    }
  }

  private void notify(ScheduleSpec spec, RunRecord run, RunStatus status, int failing, int unknown,
      Optional<Notification.DriftCounts> drift, Optional<String> dir, String msg) {
    spec.webhook().ifPresent(hook -> webhook.send(hook, new Notification(Notification.EVENT, spec.name(), run.id(),
        status.name(), run.startedAt().toString(), clock.instant().toString(), failing, unknown, drift, dir, msg)));
  }
}
