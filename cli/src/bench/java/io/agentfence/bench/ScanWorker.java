package io.agentfence.bench;

import io.agentfence.engine.EngineConfig;
import io.agentfence.engine.ScanEngine;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.Snapshot;
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
 * <p>Arguments: endpoint-uri access-key secret role regions(comma) rate concurrency
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
    // The engine reads the whole organization (ListAccounts, ListParents per account, SCPs) before
    // the first account starts; the first progress update marks roughly when that phase ended.
    AtomicLong firstUnit = new AtomicLong();
    ScanEngine engine = new ScanEngine(config, creds, p -> firstUnit.compareAndSet(0, System.nanoTime() - t0));
    long cpu0 = os.getProcessCpuTime();
    Snapshot snapshot = engine.scan(spec, "bench");
    long wallNanos = System.nanoTime() - t0;
    long cpu = os.getProcessCpuTime() - cpu0;
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
        + " coverage=" + snapshot.coverage().size()
        + " gaps=" + gaps.values().stream().mapToLong(Long::longValue).sum()
        + " gapKinds=" + (gaps.isEmpty() ? "-" : gaps.toString().replace(' ', '_'))
        + " peakHeap=" + memory.peakHeapUsed()
        + " peakLive=" + memory.peakLiveHeap()
        + " maxHeap=" + PeakMemory.maxHeap()
        + " rss=" + PeakMemory.peakRss()
        + " ops=" + ops);
  }
}
