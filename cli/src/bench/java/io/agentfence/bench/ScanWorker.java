package io.agentfence.bench;

import io.agentfence.collect.ReusableReads;
import io.agentfence.engine.EngineConfig;
import io.agentfence.engine.ScanEngine;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.target.TargetSpec;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The scanner side of the scan benchmark, in its own JVM so its heap and RSS are the scanner's
 * alone (the endpoint and the generated organization live in the parent). It runs exactly what
 * {@code agentfence collect --org --role-name R --region ... --rate N --concurrency C} runs: the
 * engine with {@code EngineConfig.defaults().withRate(N).withConcurrency(C)}, the real SDK clients
 * and collectors, pointed at the local endpoint; then prints one {@code RESULT} line.
 *
 * <p>Arguments: endpoint-uri access-key secret role regions(comma) rate concurrency [snapshot-out
 * [previous-snapshot]]: with a previous snapshot the scan is warm ({@code --previous-inventory}); "-"
 * means none.
 */
public final class ScanWorker {
  private ScanWorker() {}

  public static void main(String[] args) {
    PeakMemory memory = new PeakMemory();
    URI endpoint = URI.create(args[0]);
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(args[1], args[2]));
    List<String> regions = List.of(args[4].split(","));
    EngineConfig config = EngineConfig.defaults().withRate(Double.parseDouble(args[5]))
        .withConcurrency(Integer.parseInt(args[6])).withEndpoint(endpoint);
    TargetSpec spec = new TargetSpec(regions, List.of(), true, Set.of(), Set.of(), Set.of(), Set.of(),
        Optional.of(args[3]), Optional.empty(), "bench", regions.get(0));
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long t0 = System.nanoTime();
    // The first progress update: when the first account or unit finished (accounts start while
    // the organization walk is still asking ListParents).
    AtomicLong firstUnit = new AtomicLong();
    String out = args.length > 7 ? args[7] : "-";
    String previous = args.length > 8 ? args[8] : "-";
    // Reading the previous snapshot is part of a warm scan's cost: it is inside the measured time.
    long cpu0 = os.getProcessCpuTime();
    ReusableReads reuse = previous.equals("-") ? ReusableReads.none()
        : ReusableReads.of(SnapshotJson.read(java.nio.file.Path.of(previous)));
    ScanEngine engine = new ScanEngine(config, creds, p -> firstUnit.compareAndSet(0, System.nanoTime() - t0), reuse);
    Snapshot snapshot = engine.scan(spec, "bench");
    long wallNanos = System.nanoTime() - t0;
    long cpu = os.getProcessCpuTime() - cpu0;
    String threadCpu = threadCpu();
    if (!out.equals("-")) {
      try {
        SnapshotJson.write(snapshot, java.nio.file.Path.of(out));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    System.gc(); // at least one collection, with the whole snapshot still reachable
    Map<String, Long> gaps = new TreeMap<>();
    for (CoverageRecord c : snapshot.coverage()) {
      if (c.status() != CoverageStatus.READ) {
        gaps.merge(c.status() + ":" + c.kind() + ":" + c.errorCode().orElse("-"), 1L, Long::sum);
      }
    }
    long runtimes = snapshot.accounts().stream()
        .flatMap(a -> a.regions().stream()).mapToLong(r -> r.runtimes().size()).sum();
    StringBuilder ops = new StringBuilder();
    engine.metrics().callsByOperation().forEach((k, v) -> ops.append(k).append('=').append(v).append(';'));
    System.out.println("RESULT"
        + " wallMs=" + wallNanos / 1_000_000
        + " cpuMs=" + cpu / 1_000_000
        + " firstUnitMs=" + firstUnit.get() / 1_000_000
        + " calls=" + engine.metrics().calls()
        + " retries=" + engine.metrics().retries()
        + " throttles=" + engine.metrics().throttles()
        + " accounts=" + snapshot.accounts().size()
        + " runtimes=" + runtimes
        + " reused=" + ReusableReads.reusedIn(snapshot)
        + " coverage=" + snapshot.coverage().size()
        + " gaps=" + gaps.values().stream().mapToLong(Long::longValue).sum()
        + " gapKinds=" + (gaps.isEmpty() ? "-" : gaps.toString().replace(' ', '_'))
        + " peakHeap=" + memory.peakHeapUsed()
        + " peakLive=" + memory.peakLiveHeap()
        + " maxHeap=" + PeakMemory.maxHeap()
        + " rss=" + PeakMemory.peakRss()
        + " ops=" + ops
        + " threadCpu=" + threadCpu);
  }

  /**
   * CPU seconds of the scanner JVM by thread group (workers, JIT compilers, GC, ...), from
   * /proc/self/task: shows whether the CPU goes into the calls or into the JVM around them.
   * Since JVM start. Empty where /proc is not there.
   */
  private static String threadCpu() {
    Map<String, Double> byGroup = new TreeMap<>();
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return "-";
    }
    for (java.io.File t : tasks) {
      try {
        String stat = java.nio.file.Files.readString(t.toPath().resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, clock ticks
        byGroup.merge(name.replaceAll("[0-9]+", "N").replace(' ', '_'), seconds, Double::sum);
      } catch (java.io.IOException | RuntimeException e) {
        // the thread ended while we looked
      }
    }
    try {
      // Threads that ended (the scan's worker pool among them) are in the process total only.
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      double total = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
      double live = byGroup.values().stream().mapToDouble(Double::doubleValue).sum();
      byGroup.put("ended-threads(scan-workers...)", total - live);
    } catch (java.io.IOException | RuntimeException e) {
      // no process total: the live threads are all we can tell
    }
    StringBuilder out = new StringBuilder();
    byGroup.entrySet().stream().filter(e -> e.getValue() >= 0.1)
        .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
        .forEach(e -> out.append(e.getKey()).append(':').append(String.format("%.1f", e.getValue())).append(','));
    return out.length() == 0 ? "-" : out.toString();
  }
}
