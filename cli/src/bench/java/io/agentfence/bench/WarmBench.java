package io.agentfence.bench;

import io.agentfence.checks.Catalogue;
import io.agentfence.finding.Finding;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.RuntimeEndpoint;
import io.agentfence.inventory.RuntimeVersion;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The warm-scan suite: one organization scanned cold, then warm with the cold snapshot as the
 * previous one (unchanged), then warm after 5 % of its runtimes got a new version, each next to its
 * minimum, with the findings of warm and cold compared.
 */
final class WarmBench {
  private WarmBench() {}

  record Row(String what, ScanBench.Result result, String findings) {}

  static void run(int accounts, Duration latency, double rate, int concurrency) throws Exception {
    Path dir = Files.createTempDirectory("agentfence-warm");
    Snapshot org = ScanBench.organization(accounts);
    Snapshot changed = newVersions(org, 20);
    Path cold = dir.resolve("cold.json");
    List<Row> rows = new ArrayList<>();
    ScanBench.Result c = ScanBench.run(org, latency, true, rate, concurrency, Optional.of(cold), Optional.empty());
    rows.add(new Row("cold", c, "-"));
    Path warm = dir.resolve("warm.json");
    ScanBench.Result w = ScanBench.run(org, latency, true, rate, concurrency, Optional.of(warm), Optional.of(cold));
    rows.add(new Row("warm, unchanged", w, same(cold, warm)));
    Path changedCold = dir.resolve("changed-cold.json");
    ScanBench.Result cc = ScanBench.run(changed, latency, true, rate, concurrency, Optional.of(changedCold),
        Optional.empty());
    rows.add(new Row("cold, 5 % new versions", cc, "-"));
    Path changedWarm = dir.resolve("changed-warm.json");
    ScanBench.Result cw = ScanBench.run(changed, latency, true, rate, concurrency, Optional.of(changedWarm),
        Optional.of(cold));
    rows.add(new Row("warm, 5 % new versions", cw, same(changedCold, changedWarm)));

    long coldMinimum = c.minimumCalls();
    System.out.println("| scan | accounts | API calls | minimum | calls/min | minimum vs cold minimum | GetAgentRuntime"
        + " | records reused | wall s | lower bound s | wall/bound | scanner CPU ms per call | findings vs cold |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (Row r : rows) {
      ScanBench.Result x = r.result();
      long gets = x.minimumByOp().getOrDefault("bedrock-agentcore:GetAgentRuntime", 0L);
      System.out.printf("| %s | %d | %d | %d | %.3f | %.1f %% | %d | %s | %.1f | %.1f | %.2f | %.2f | %s |%n",
          r.what(), x.accounts(), x.calls(), x.minimumCalls(), (double) x.calls() / x.minimumCalls(),
          100.0 * x.minimumCalls() / coldMinimum, gets, x.worker().getOrDefault("reused", "0"), x.wallSeconds(),
          x.bound().seconds(), x.wallSeconds() / x.bound().seconds(),
          Double.parseDouble(x.worker().get("cpuMs")) / Math.max(1, x.calls()), r.findings());
    }
    long gaps = rows.stream().mapToLong(r -> r.result().gaps()).sum();
    System.out.println(gaps == 0 ? "coverage: every scope READ in every run" : "COVERAGE FAILURE: " + gaps + " gaps");
  }

  /** "identical" when both snapshots give the same findings, else how many differ. */
  private static String same(Path a, Path b) {
    List<Finding> x = findings(SnapshotJson.read(a));
    List<Finding> y = findings(SnapshotJson.read(b));
    if (x.equals(y)) {
      return "identical (" + x.size() + ")";
    }
    long differ = x.stream().filter(f -> !y.contains(f)).count() + y.stream().filter(f -> !x.contains(f)).count();
    return "DIFFERENT: " + differ + " findings";
  }

  private static List<Finding> findings(Snapshot s) {
    return Catalogue.runner().report(s, Inputs.baseline(), LocalDate.of(2026, 12, 4), "bench").findings();
  }

  /** Every {@code every}-th runtime gets a new latest version (same network) that DEFAULT now serves. */
  static Snapshot newVersions(Snapshot org, int every) {
    int[] n = {0};
    List<AccountInventory> accounts = org.accounts().stream().map(a -> new AccountInventory(a.account(), a.iam(),
        a.regions().stream().map(r -> bump(r, every, n)).toList())).toList();
    return Snapshot.of(org.collection(), org.organization(), accounts, org.coverage());
  }

  private static RegionInventory bump(RegionInventory r, int every, int[] n) {
    List<AgentRuntime> runtimes = new ArrayList<>();
    for (AgentRuntime rt : r.runtimes()) {
      if (n[0]++ % every != 0) {
        runtimes.add(rt);
        continue;
      }
      String next = String.valueOf(Integer.parseInt(rt.latestVersion()) + 1);
      List<RuntimeVersion> versions = new ArrayList<>(rt.versions());
      versions.add(new RuntimeVersion(next, rt.latestNetwork().orElseThrow(), "READY"));
      List<RuntimeEndpoint> endpoints = rt.endpoints().stream().map(e -> e.name().equals("DEFAULT")
          ? new RuntimeEndpoint(e.id(), e.name(), e.arn(), e.status(), Optional.of(next), Optional.empty()) : e)
          .toList();
      runtimes.add(new AgentRuntime(rt.id(), rt.arn(), rt.name(), rt.status(), next, versions, endpoints));
    }
    return r.toBuilder().runtimes(runtimes).build();
  }
}
