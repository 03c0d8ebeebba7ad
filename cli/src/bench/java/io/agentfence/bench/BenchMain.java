package io.agentfence.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks of issue 7 and prints their figures (Markdown tables, ready for
 * docs/benchmarks.md). Suites, chosen with -Dbench.suites (default: all):
 * <ul>
 *   <li>scan: organizations of -Dbench.accounts accounts x 3 regions x 20 runtimes behind the local
 *       endpoint with -Dbench.latencyMs per call and the modelled AWS rate limits, scanned by the
 *       engine with -Dbench.rate and -Dbench.concurrency;</li>
 *   <li>memory: the same scan without latency or rate limits (memory does not depend on them) at
 *       -Dbench.memoryRuntimes runtimes, in a JVM capped at -Xmx512m;</li>
 *   <li>check: parse + rules + JSON + SARIF of -Dbench.checkRuntimes runtimes, plain timing;</li>
 *   <li>jmh: snapshot parsing, rule evaluation, SARIF writing;</li>
 *   <li>help: start time of {@code java -jar agentfence.jar --help}.</li>
 *   <li>warm: -Dbench.warmAccounts accounts scanned cold, warm (unchanged) and warm after 5 % of the
 *       runtimes got a new version, next to their minimums, findings compared with cold.</li>
 * </ul>
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Set<String> suites = Set.copyOf(list("bench.suites", "scan,warm,tradeoff,memory,check,jmh,help"));
    System.out.printf("agentfence benchmarks, %s, %d CPUs, Java %s, heap max %s%n", Instant.now(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        PeakMemory.mb(PeakMemory.maxHeap()));
    System.out.printf("load average at start: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (suites.contains("scan")) {
      scan();
    }
    if (suites.contains("warm")) {
      warm();
    }
    if (suites.contains("tradeoff")) {
      tradeoff();
    }
    if (suites.contains("memory")) {
      memory();
    }
    if (suites.contains("check")) {
      System.out.println();
      System.out.println("## check + reports (plain timing)");
      CheckTiming.run(ints("bench.checkRuntimes", "25000,50000,100000"));
    }
    if (suites.contains("jmh")) {
      jmh();
    }
    if (suites.contains("help")) {
      System.out.println();
      System.out.println("## agentfence --help start time");
      HelpStartup.run(Path.of(System.getProperty("bench.jar", "cli/target/agentfence.jar")), 5);
    }
  }

  private static void scan() throws Exception {
    int latency = Integer.getInteger("bench.latencyMs", 20);
    double rate = Double.parseDouble(System.getProperty("bench.rate", "10"));
    int concurrency = Integer.getInteger("bench.concurrency", 32);
    System.out.println();
    System.out.printf("## scan: N accounts x %d regions x %d runtimes, %d ms per call, AWS rate limits modelled,"
        + " engine --rate %s --concurrency %d, scanner JVM %s%n", ScanBench.REGIONS, ScanBench.RUNTIMES, latency,
        ScanBench.trim(rate), concurrency, ScanBench.WORKER_HEAP);
    List<ScanBench.Result> results = new ArrayList<>();
    for (int accounts : ints("bench.accounts", "10,100,300")) {
      results.add(ScanBench.run(accounts, Duration.ofMillis(latency), true, rate, concurrency));
      System.out.printf("  (%d accounts done: %.1f s)%n", accounts, results.get(results.size() - 1).wallSeconds());
    }
    ScanBench.printHeader();
    results.forEach(ScanBench::printRow);
    results.forEach(ScanBench::printDetail);
    report(results);
    load();
  }

  private static void warm() throws Exception {
    double rate = Double.parseDouble(System.getProperty("bench.rate", "10"));
    int concurrency = Integer.getInteger("bench.concurrency", 32);
    for (String latency : list("bench.warmLatencyMs", "20,100")) {
      for (int accounts : ints("bench.warmAccounts", "100")) {
        System.out.println();
        System.out.printf("## warm scans: %d accounts x %d regions x %d runtimes, %s ms per call, --rate %s"
            + " --concurrency %d%n", accounts, ScanBench.REGIONS, ScanBench.RUNTIMES, latency, ScanBench.trim(rate),
            concurrency);
        WarmBench.run(accounts, Duration.ofMillis(Integer.parseInt(latency)), rate, concurrency);
        load();
      }
    }
  }

  /** The same organization at several --rate values: scan time against the share of AWS's quota used. */
  private static void tradeoff() throws Exception {
    int latency = Integer.getInteger("bench.latencyMs", 20);
    int concurrency = Integer.getInteger("bench.concurrency", 32);
    int accounts = Integer.getInteger("bench.tradeoffAccounts", 10);
    System.out.println();
    System.out.printf("## rate budget trade-off: %d accounts, %d ms per call, --concurrency %d%n", accounts, latency,
        concurrency);
    List<ScanBench.Result> results = new ArrayList<>();
    for (String r : list("bench.tradeoffRates", "2,5,10,20")) {
      results.add(ScanBench.run(accounts, Duration.ofMillis(latency), true, Double.parseDouble(r), concurrency));
    }
    ScanBench.printHeader();
    results.forEach(ScanBench::printRow);
    report(results);
    load();
  }

  private static void load() {
    System.out.printf("load average now: %.2f (other processes compete for the %d cores)%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
  }

  private static void memory() throws Exception {
    int concurrency = Integer.getInteger("bench.concurrency", 32);
    System.out.println();
    System.out.printf("## memory: scan without latency or rate limits, scanner JVM %s, --concurrency %d%n",
        ScanBench.WORKER_HEAP, concurrency);
    List<ScanBench.Result> results = new ArrayList<>();
    for (int runtimes : ints("bench.memoryRuntimes", "2000,10000,20000")) {
      int accounts = Math.max(1, Math.round(runtimes / (float) (ScanBench.REGIONS * ScanBench.RUNTIMES)));
      results.add(ScanBench.run(accounts, Duration.ZERO, false, 1_000_000, concurrency));
    }
    System.out.println("| runtimes | accounts | peak heap | peak live heap (after GC) | live heap per runtime | peak RSS | gaps | wall s |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (ScanBench.Result r : results) {
      long live = Long.parseLong(r.worker().get("peakLive"));
      System.out.printf("| %d | %d | %s | %s | %.1f KB | %s | %d | %.1f |%n", r.runtimes(), r.accounts(),
          PeakMemory.mb(Long.parseLong(r.worker().get("peakHeap"))), PeakMemory.mb(live),
          live / 1024.0 / r.runtimes(), PeakMemory.mb(Long.parseLong(r.worker().get("rss"))), r.gaps(),
          r.wallSeconds());
    }
    report(results);
  }

  /** A failed read is a benchmark failure, not a figure: say so loudly. */
  private static void report(List<ScanBench.Result> results) {
    long gaps = results.stream().mapToLong(ScanBench.Result::gaps).sum();
    long missing = results.stream().filter(r -> Long.parseLong(r.worker().get("runtimes")) != r.runtimes()).count();
    System.out.println(gaps == 0 && missing == 0
        ? "coverage: every scope READ, every runtime collected, in every run"
        : "COVERAGE FAILURE: " + gaps + " unread scopes, " + missing + " runs missing runtimes");
  }

  private static void jmh() throws Exception {
    System.out.println();
    System.out.println("## JMH (1 fork, 3 x 2 s warm-up, 5 x 2 s measurement, average time)");
    var opts = new OptionsBuilder()
        .include(HotPaths.class.getName())
        .param("runtimes", System.getProperty("bench.jmhRuntimes", "1200"))
        .forks(1)
        .jvmArgs("-Xmx2g")
        .warmupIterations(3).warmupTime(TimeValue.seconds(2))
        .measurementIterations(5).measurementTime(TimeValue.seconds(2))
        .build();
    var results = new Runner(opts).run();
    System.out.println("| benchmark | runtimes | ms/op | ± (99.9%) |");
    System.out.println("|---|---|---|---|");
    results.forEach(r -> System.out.printf("| %s | %s | %.1f | %.1f |%n", r.getPrimaryResult().getLabel(),
        r.getParams().getParam("runtimes"), r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
  }

  private static List<String> list(String property, String def) {
    return Arrays.stream(System.getProperty(property, def).split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).collect(Collectors.toList());
  }

  private static List<Integer> ints(String property, String def) {
    return list(property, def).stream().map(Integer::valueOf).toList();
  }
}
