package io.agentfence.cli.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.BaselineParser;
import io.agentfence.checks.Catalogue;
import io.agentfence.cli.ExitCodes;
import io.agentfence.collect.ReusableReads;
import io.agentfence.finding.ScanReport;
import io.agentfence.fixtures.scenario.Scenarios;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.RuntimeEndpoint;
import io.agentfence.inventory.RuntimeVersion;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.reporters.json.JsonReporter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code collect --demo}, {@code --previous-inventory} and {@code --cold} from the command line. */
class WarmScanCommandTest {
  @Test
  void warmDemoScanMakesFewerCallsAndWritesTheSameReport(@TempDir Path dir) throws Exception {
    Path previous = dir.resolve("demo.json");
    var collected = CollectCommandTest.run("collect", "--demo", "-o", previous.toString());
    // The demo has one account whose reads are denied: its snapshot is incomplete (exit 3), as in a scan.
    assertThat(collected.code()).as(collected.err()).isEqualTo(ExitCodes.INCOMPLETE);
    assertThat(SnapshotJson.read(previous).accounts()).hasSize(4);

    var cold = CollectCommandTest.run("scan", "--demo", "--format", "json");
    var warm = CollectCommandTest.run("scan", "--demo", "--previous-inventory", previous.toString(), "--format", "json");
    var forcedCold = CollectCommandTest.run("scan", "--demo", "--previous-inventory", previous.toString(), "--cold",
        "--format", "json");

    assertThat(warm.code()).isEqualTo(cold.code());
    assertThat(withoutTimes(warm.out())).isEqualTo(withoutTimes(cold.out()));
    assertThat(calls(warm.err())).isLessThan(calls(cold.err()));
    assertThat(warm.err()).contains("warm scan").contains("immutable records reused");
    assertThat(calls(forcedCold.err())).isEqualTo(calls(cold.err()));
    assertThat(forcedCold.err()).doesNotContain("reused");
  }

  @Test
  void aCorruptPreviousInventoryIsAUsageErrorBeforeAnyCall(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("prev.json");
    Files.writeString(bad, "{\"formatVersion\": 1, \"accounts\": [");
    var r = CollectCommandTest.run("scan", "--demo", "--previous-inventory", bad.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(bad.toString()).doesNotContain("API calls").doesNotContain("\tat ");
  }

  @Test
  void warmReportOfAChangedOrganizationEqualsTheColdReport() throws Exception {
    Snapshot before = Scenarios.snapshot(Scenarios.DEMO);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Snapshot previous = stamped(EndpointDemo.collect(before, quiet));

    // Overnight: one runtime was moved to PUBLIC (new version, endpoint moving to it), another runtime appeared.
    AgentRuntime moved = before.accounts().stream().flatMap(a -> a.regions().stream())
        .flatMap(r -> r.runtimes().stream()).filter(rt -> !rt.endpoints().isEmpty()).findFirst().orElseThrow();
    String next = String.valueOf(Integer.parseInt(moved.latestVersion()) + 1);
    List<RuntimeVersion> versions = new ArrayList<>(moved.versions());
    versions.add(new RuntimeVersion(next, NetworkConfig.publicMode(), "READY"));
    AgentRuntime updated = new AgentRuntime(moved.id(), moved.arn(), moved.name(), moved.status(), next, versions,
        moved.endpoints().stream().map(e -> new RuntimeEndpoint(e.id(), e.name(), e.arn(), "UPDATING",
            e.liveVersion(), Optional.of(next))).toList());
    Snapshot after = replace(before, moved, updated);

    Snapshot cold = EndpointDemo.collect(after, quiet);
    Snapshot warm = EndpointDemo.collect(after, ReusableReads.of(previous), quiet);

    assertThat(ReusableReads.reusedIn(warm)).isPositive();
    Baseline baseline;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("scenarios/demo-org/baseline.yaml")) {
      baseline = BaselineParser.parse(in, "demo baseline");
    }
    String coldReport = report(cold, baseline);
    String warmReport = report(warm, baseline);
    assertThat(warmReport).isEqualTo(coldReport);
    assertThat(coldReport).contains(moved.id());
  }

  private static String report(Snapshot s, Baseline baseline) throws Exception {
    ScanReport report = Catalogue.runner().report(s, baseline, LocalDate.of(2026, 12, 4), "test");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReporter().write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Snapshot replace(Snapshot s, AgentRuntime old, AgentRuntime replacement) {
    List<AccountInventory> accounts = s.accounts().stream().map(a -> new AccountInventory(a.account(), a.iam(),
        a.regions().stream().map(r -> r.toBuilder().runtimes(r.runtimes().stream()
            .map(rt -> rt.id().equals(old.id()) ? replacement : rt).toList()).build()).toList())).toList();
    return Snapshot.of(s.collection(), s.organization(), accounts, s.coverage());
  }

  private static Snapshot stamped(Snapshot s) {
    CollectionInfo c = s.collection();
    return Snapshot.of(new CollectionInfo(c.tool(), c.source(), Optional.of(Instant.parse("2026-12-04T02:00:00Z")),
        c.finishedAt(), c.requestedAccounts(), c.requestedRegions(), c.cancelled()), s.organization(), s.accounts(),
        s.coverage());
  }

  private static long calls(String stderr) {
    var m = java.util.regex.Pattern.compile("(\\d+) API calls").matcher(stderr);
    assertThat(m.find()).as(stderr).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The JSON report's generation time is the only thing two scans of the same data may differ in. */
  private static String withoutTimes(String json) {
    return json.replaceAll("\"(generatedAt|startedAt|finishedAt|collectedAt)\"\\s*:\\s*\"[^\"]*\"", "\"$1\":\"-\"");
  }
}
