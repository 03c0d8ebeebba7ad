package io.agentfence.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.agentfence.checks.Catalogue;
import io.agentfence.cli.ExitCodes;
import io.agentfence.collect.Canonical;
import io.agentfence.collect.ReusableReads;
import io.agentfence.engine.ScanEngine;
import io.agentfence.engine.ScanProgress;
import io.agentfence.fixtures.endpoint.EndpointCredentials;
import io.agentfence.fixtures.endpoint.EndpointOptions;
import io.agentfence.fixtures.endpoint.LocalAwsEndpoint;
import io.agentfence.fixtures.scenario.Scenarios;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.reporters.Reporters;
import io.agentfence.schedules.config.Outputs;
import io.agentfence.schedules.config.Retention;
import io.agentfence.schedules.config.ScheduleConfig;
import io.agentfence.schedules.config.ScheduleSpec;
import io.agentfence.schedules.config.SourceSpec;
import io.agentfence.schedules.config.Targets;
import io.agentfence.schedules.history.DatabaseSettings;
import io.agentfence.schedules.history.HistoryStore;
import io.agentfence.schedules.history.PartRecord;
import io.agentfence.schedules.history.RunRecord;
import io.agentfence.schedules.history.RunStatus;
import io.agentfence.schedules.notify.WebhookNotifier;
import io.agentfence.schedules.service.ScheduleService;
import io.agentfence.schedules.service.ServiceOptions;
import io.agentfence.schedules.source.LiveSnapshotSource;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code source: live} schedule over the demo organization served by the local AWS-compatible
 * endpoint: the night is split per account, the merged run equals {@code agentfence collect --org},
 * and an account that cannot be entered is a coverage gap that drift reports as unknown.
 */
class LiveScheduleTest {
  private static final String ROLE = "AgentfenceScan";

  @TempDir
  Path dir;

  /** The endpoint serving tonight's organization; the schedule's engine follows it. */
  private final AtomicReference<LocalAwsEndpoint> endpoint = new AtomicReference<>();

  @AfterEach
  void clearCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  void anOrganizationNightIsSplitPerAccountAndEqualsCollectOrg() throws Exception {
    Snapshot demo = Scenarios.snapshot(Scenarios.DEMO);
    Snapshot expected;
    String victim;
    ScheduleSpec spec = spec(new Targets(List.of(), true, List.of(), Optional.of(ROLE)));
    try (LocalAwsEndpoint e = LocalAwsEndpoint.start(demo, EndpointOptions.builder().replayCoverageGaps(false).build())) {
      endpoint.set(e);
      expected = collectOrg(e);
      victim = expected.accounts().stream().map(a -> a.account().id())
          .filter(id -> !id.equals(e.baseAccountId())).findFirst().orElseThrow();

      try (ScheduleService service = start(spec)) {
        RunRecord run = runOnce(service);
        HistoryStore history = service.history();
        assertThat(run.status()).as(run.message()).isEqualTo(RunStatus.COMPLETE);

        Set<String> accounts = expected.accounts().stream().map(a -> a.account().id()).collect(Collectors.toSet());
        List<PartRecord> parts = history.parts(run.id());
        Set<String> keys = new HashSet<>(accounts);
        keys.add(LiveSnapshotSource.ORGANIZATION_PART);
        assertThat(parts).extracting(PartRecord::key).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(parts).allSatisfy(p -> assertThat(p.status()).isEqualTo(PartRecord.PartStatus.DONE));
        assertThat(parts).filteredOn(p -> !p.key().equals(LiveSnapshotSource.ORGANIZATION_PART))
            .allSatisfy(p -> assertThat(p.accounts()).containsExactly(p.key()));

        Snapshot stored = history.snapshot(run.id()).orElseThrow();
        assertSameInventory(stored, expected);
        assertThat(e.calls().nonReadCalls()).isEmpty();
      }
    }

    // Next night the victim's scanning role cannot be assumed: a gap, not a deleted account.
    EndpointOptions denied = EndpointOptions.builder().replayCoverageGaps(false).roleNotAssumable(victim).build();
    try (LocalAwsEndpoint e = LocalAwsEndpoint.start(demo, denied); ScheduleService service = start(spec)) {
      endpoint.set(e);
      RunRecord second = runOnce(service);
      assertThat(second.status()).as(second.message()).isEqualTo(RunStatus.INCOMPLETE);
      Snapshot stored = service.history().snapshot(second.id()).orElseThrow();
      List<CoverageRecord> gaps = stored.coverage().stream().filter(c -> !c.status().isComplete()).toList();
      assertThat(gaps).isNotEmpty().allSatisfy(c -> {
        assertThat(c.accountId()).isEqualTo(victim);
        assertThat(c.status()).isEqualTo(CoverageStatus.ROLE_NOT_ASSUMABLE);
      });
      // the organization still names the account (with its OU path): it was not silently dropped
      assertThat(stored.account(victim)).hasValueSatisfying(a -> assertThat(a.account().ouPath()).isNotEmpty());
      assertThat(stored.organization()).isEqualTo(expected.organization());

      Path driftFile = dir.resolve("reports").resolve("nightly").resolve("run-" + second.id()).resolve("drift.json");
      awaitFile(driftFile); // reports are written just after the run is stored
      JsonNode drift = JsonMapper.builder().build().readTree(Files.readString(driftFile));
      assertThat(drift.get("removed").size()).as(drift.toString()).isZero();
      assertThat(drift.get("added").size()).isZero();
      assertThat(drift.get("unknown").size()).isPositive();
      drift.get("unknown").forEach(u -> assertThat(u.get("accountId").asString()).isEqualTo(victim));
    }
  }

  @Test
  void theSecondNightReusesImmutableVersionsOfTheFirstUnlessTheScheduleIsCold() throws Exception {
    Snapshot demo = Scenarios.snapshot(Scenarios.DEMO);
    try (LocalAwsEndpoint e = LocalAwsEndpoint.start(demo, EndpointOptions.builder().replayCoverageGaps(false).build())) {
      endpoint.set(e);
      ScheduleSpec warm = spec(new Targets(List.of(), true, List.of(), Optional.of(ROLE)));
      try (ScheduleService service = start(warm)) {
        RunRecord first = runOnce(service);
        long firstGets = gets(e);
        RunRecord second = runOnce(service);
        long secondGets = gets(e) - firstGets;
        assertThat(firstGets).isPositive();
        assertThat(secondGets).as("GetAgentRuntime/GetBrowser/GetCodeInterpreter calls of the warm night").isZero();
        assertThat(second.status()).isEqualTo(first.status());
        Snapshot stored = service.history().snapshot(second.id()).orElseThrow();
        assertThat(stored.accounts().stream().flatMap(a -> a.regions().stream()).flatMap(r -> r.runtimes().stream())
            .flatMap(rt -> rt.versions().stream()))
            .isNotEmpty()
            .allSatisfy(v -> assertThat(v.readIn()).contains("run " + first.id() + " of nightly"));
        assertThat(keys(service.history().findings(second.id())))
            .isEqualTo(keys(service.history().findings(first.id())));
      }
    }
    try (LocalAwsEndpoint e = LocalAwsEndpoint.start(demo, EndpointOptions.builder().replayCoverageGaps(false).build())) {
      endpoint.set(e);
      Targets coldTargets = new Targets(List.of(), true, List.of(), Optional.of(ROLE), List.of(), List.of(), List.of(),
          Optional.empty(), Optional.empty(), Targets.DEFAULT_RATE, Targets.DEFAULT_CONCURRENCY, true);
      try (ScheduleService service = start(spec(coldTargets))) {
        runOnce(service);
        long firstGets = gets(e);
        runOnce(service);
        assertThat(gets(e) - firstGets).isEqualTo(firstGets);
      }
    }
  }

  private static long gets(LocalAwsEndpoint e) {
    return e.calls().all().stream().filter(c -> c.operation().equals("GetAgentRuntime")
        || c.operation().equals("GetBrowser") || c.operation().equals("GetCodeInterpreter")).count();
  }

  private static List<String> keys(List<io.agentfence.finding.Finding> findings) {
    return findings.stream().map(f -> f.ruleId() + "|" + f.resource().arn() + "|" + f.status()).sorted().toList();
  }

  @Test
  void aLiveScheduleOverAnOrganizationNeedsARole() throws Exception {
    Path f = dir.resolve("schedules.yaml");
    Files.writeString(f, """
        version: 1
        schedules:
          - {name: nightly, cron: "0 0 2 * * ?", source: live, targets: {org: true}}
        """);
    Cli r = Cli.run("schedule", "--config", f.toString(), "--check");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("schedule 'nightly': targets.org needs targets.role");

    Files.writeString(f, """
        version: 1
        schedules:
          - {name: nightly, cron: "0 0 2 * * ?", source: live, targets: {org: true, role: AgentfenceScan, rate: 2}}
        """);
    Cli ok = Cli.run("schedule", "--config", f.toString(), "--check");
    assertThat(ok.code()).as(ok.err()).isZero();
  }

  private Snapshot collectOrg(LocalAwsEndpoint e) throws Exception {
    EndpointCredentials c = e.baseCredentials();
    System.setProperty("aws.accessKeyId", c.accessKeyId());
    System.setProperty("aws.secretAccessKey", c.secretAccessKey());
    Path out = dir.resolve("collect.json");
    Cli r = Cli.run("collect", "--org", "--role-name", ROLE, "--endpoint-url", e.uri().toString(), "-o", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
    return SnapshotJson.read(out);
  }

  /** Everything but the collection metadata (times, run id) is the same. */
  private static void assertSameInventory(Snapshot actual, Snapshot expected) {
    Snapshot a = Canonical.snapshot(actual);
    Snapshot b = Canonical.snapshot(expected);
    assertThat(a.organization()).isPresent().isEqualTo(b.organization());
    assertThat(a.accounts()).isEqualTo(b.accounts());
    assertThat(a.coverage()).isEqualTo(b.coverage());
  }

  private ScheduleSpec spec(Targets targets) {
    return new ScheduleSpec("nightly", "0 0 3 1 1 ? 2099", ZoneId.of("UTC"), SourceSpec.live(), targets,
        Optional.empty(), new Outputs(dir.resolve("reports"), List.of("json")), Retention.keepAll(), Optional.empty());
  }

  private ScheduleService start(ScheduleSpec spec) throws Exception {
    LiveSnapshotSource.Access access = new LiveSnapshotSource.Access() {
      @Override
      public ScanEngine engine(Targets t, ReusableReads reuse) {
        LocalAwsEndpoint e = endpoint.get();
        EndpointCredentials c = e.baseCredentials();
        return new ScanEngine(Sources.engineConfig(t).withEndpoint(e.uri()),
            StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())),
            ScanProgress.Listener.NONE, reuse);
      }

      @Override
      public String homeRegion(Targets t) {
        return "us-east-1";
      }
    };
    ScheduleService.Components components = new ScheduleService.Components(new Sources(access), Catalogue::runner,
        file -> {
          throw new IllegalStateException("no baseline in this test");
        }, Reporters.all(), new WebhookNotifier(HttpClient.newHttpClient(), Duration.ofMillis(50)), "test");
    ServiceOptions options = ServiceOptions.defaults(DatabaseSettings.embedded(dir.resolve("data")), 4)
        .withShutdownGrace(Duration.ofSeconds(5)).withIdleWait(Duration.ofSeconds(1));
    return ScheduleService.start(new ScheduleConfig("<test>", Optional.empty(), 4, List.of(spec)), options, components);
  }

  private static void awaitFile(Path f) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.exists(f) && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertThat(f).exists();
  }

  private static RunRecord runOnce(ScheduleService service) throws Exception {
    List<Long> before = new ArrayList<>(service.history().runs(Optional.of("nightly"), 100).stream().map(RunRecord::id).toList());
    service.runNow("nightly");
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      Optional<RunRecord> run = service.history().runs(Optional.of("nightly"), 100).stream()
          .filter(r -> !before.contains(r.id())).filter(r -> r.status() != RunStatus.RUNNING).findFirst();
      if (run.isPresent()) {
        return run.get();
      }
      Thread.sleep(100);
    }
    return fail("the run did not finish within 60 s");
  }
}
