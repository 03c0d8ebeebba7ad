package io.agentfence.bench;

import io.agentfence.collect.ReusableReads;
import io.agentfence.fixtures.endpoint.Call;
import io.agentfence.fixtures.endpoint.EndpointCredentials;
import io.agentfence.fixtures.endpoint.EndpointOptions;
import io.agentfence.fixtures.endpoint.LocalAwsEndpoint;
import io.agentfence.fixtures.endpoint.RateLimits;
import io.agentfence.fixtures.synthetic.SyntheticOrganization;
import io.agentfence.fixtures.synthetic.SyntheticSpec;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scans synthetic organizations served by {@link LocalAwsEndpoint} (per-call latency, per-account
 * per-API token buckets answering with the services' real throttling errors) with the real engine
 * in a separate JVM ({@link ScanWorker}, -Xmx512m), and prints what the issue asks for per size.
 */
final class ScanBench {
  static final int REGIONS = 3;
  static final int RUNTIMES = 20;
  static final String ROLE = "AgentfenceScan";
  static final String WORKER_HEAP = "-Xmx512m";
  /**
   * The JVM flags the agentfence launcher (cli/src/main/dist/agentfence) gives every run: the
   * scanner is measured as users run it. Read from the launcher when the benchmark runs in the
   * source tree, so the two cannot drift apart; these are the fallback. They matter: on 2 shared
   * cores the default tiered C2 compilation alone took 14-17 CPU seconds of a 100-account scan
   * and kept the hot code in slow profiled tiers meanwhile (scanner CPU 68 s default, 34 s with
   * these flags, same calls).
   */
  static final List<String> LAUNCHER_FLAGS_FALLBACK =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
  /** The error codes the endpoint answers when a token bucket is empty (per service). */
  static final Set<String> THROTTLING_CODES =
      Set.of("RequestLimitExceeded", "Throttling", "ThrottlingException", "TooManyRequestsException");

  /** One measured scan. */
  record Result(int accounts, long runtimes, Duration latency, double rate, int concurrency, boolean limited,
      long minimumCalls, LowerBound bound, Map<String, String> worker, long serverRequests, long serverThrottled,
      long endpointCpuMs, Map<String, Long> minimumByOp) {
    double wallSeconds() {
      return Long.parseLong(worker.get("wallMs")) / 1000.0;
    }

    long calls() {
      return Long.parseLong(worker.get("calls"));
    }

    long gaps() {
      return Long.parseLong(worker.get("gaps"));
    }
  }

  static Result run(int accounts, Duration latency, boolean rateLimited, double rate, int concurrency)
      throws IOException, InterruptedException {
    return run(organization(accounts), latency, rateLimited, rate, concurrency, Optional.empty(), Optional.empty());
  }

  static Snapshot organization(int accounts) {
    return SyntheticOrganization.generate(SyntheticSpec.of(7, accounts, REGIONS, RUNTIMES));
  }

  /**
   * Scans {@code org}; the scanner writes its snapshot to {@code out} and, with {@code previous}, runs
   * warm. The minimum is then the warm minimum: what reading {@code org} costs given {@code previous}.
   */
  static Result run(Snapshot org, Duration latency, boolean rateLimited, double rate, int concurrency,
      Optional<java.nio.file.Path> out, Optional<java.nio.file.Path> previous) throws IOException, InterruptedException {
    int accounts = org.accounts().size();
    List<String> regions = SyntheticOrganization.regions(REGIONS);
    RateLimits limits = RateLimits.awsDefaults();
    EndpointOptions.Builder options = EndpointOptions.builder().latency(latency)
        // Calls sleeping in latency hold a server thread: never let the server be the queue.
        .threads(concurrency * 4 + 16);
    if (rateLimited) {
      options.rateLimits(limits);
    }
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(org, options.build())) {
      MinimumCalls min = MinimumCalls.of(org, endpoint.baseAccountId(), regions.get(0),
          previous.map(p -> ReusableReads.of(SnapshotJson.read(p))).orElse(ReusableReads.none()));
      LowerBound bound = LowerBound.of(min, rateLimited ? limits : RateLimits.none(),
          latency.toNanos() / 1e9, concurrency);
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      InFlightSampler sampler = new InFlightSampler(endpoint);
      Map<String, String> worker;
      try {
        worker = fork(endpoint, regions, rate, concurrency, out, previous);
      } finally {
        sampler.stop();
      }
      worker.put("inFlight", sampler.summary());
      long cpu = (os.getProcessCpuTime() - cpu0) / 1_000_000;
      List<Call> calls = endpoint.calls().all();
      long throttled = calls.stream().filter(c -> c.errorCode().map(THROTTLING_CODES::contains).orElse(false)).count();
      long runtimes = org.accounts().stream().flatMap(a -> a.regions().stream()).mapToLong(r -> r.runtimes().size()).sum();
      return new Result(accounts, runtimes, latency, rate, concurrency, rateLimited, min.total(), bound, worker,
          calls.size(), throttled, cpu, min.byOperation());
    }
  }

  private static Map<String, String> fork(LocalAwsEndpoint endpoint, List<String> regions, double rate, int concurrency,
      Optional<java.nio.file.Path> out, Optional<java.nio.file.Path> previous) throws IOException, InterruptedException {
    EndpointCredentials c = endpoint.baseCredentials();
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> cmd = new ArrayList<>(List.of(java, WORKER_HEAP));
    cmd.addAll(launcherFlags());
    // Extra JVM flags for the scanner, e.g. -XX:StartFlightRecording=... to see where its CPU goes.
    for (String a : System.getProperty("bench.workerJvmArgs", "").split(" ")) {
      if (!a.isBlank()) {
        cmd.add(a);
      }
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ScanWorker.class.getName(), endpoint.uri().toString(), c.accessKeyId(), c.secretAccessKey(), ROLE,
        String.join(",", regions), Double.toString(rate), Integer.toString(concurrency),
        out.map(Object::toString).orElse("-"), previous.map(Object::toString).orElse("-")));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, String> result = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          for (String kv : line.substring(7).split(" ")) {
            int eq = kv.indexOf('=');
            result.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
        } else {
          System.out.println("  worker: " + line);
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0 || result.isEmpty()) {
      throw new IllegalStateException("scan worker failed (exit " + exit + "); see its stderr above");
    }
    return result;
  }

  /**
   * Samples the endpoint's requests in flight every 10 ms while the worker runs: shows where the
   * scan keeps fewer calls in flight than --concurrency (JVM start, organization walk, tail, CPU).
   */
  static final class InFlightSampler {
    private final List<Integer> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;

    InFlightSampler(LocalAwsEndpoint endpoint) {
      thread = new Thread(() -> {
        while (running) {
          samples.add(endpoint.concurrentRequests());
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "in-flight-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    String summary() {
      List<Integer> copy;
      synchronized (samples) {
        copy = new ArrayList<>(samples);
      }
      StringBuilder out = new StringBuilder();
      int window = 500; // 500 samples of 10 ms (sleep granularity makes it a little longer)
      for (int i = 0; i < copy.size(); i += window) {
        List<Integer> w = copy.subList(i, Math.min(copy.size(), i + window));
        out.append(String.format("%.1f", w.stream().mapToInt(Integer::intValue).average().orElse(0))).append(',');
      }
      return out.length() == 0 ? "-" : out.substring(0, out.length() - 1);
    }
  }

  /** The -X flags of the launcher's {@code exec "$java" ...} line, or the fallback. */
  static List<String> launcherFlags() {
    for (String candidate : List.of("cli/src/main/dist/agentfence", "src/main/dist/agentfence")) {
      java.nio.file.Path p = java.nio.file.Path.of(candidate);
      if (!java.nio.file.Files.isRegularFile(p)) {
        continue;
      }
      try {
        for (String line : java.nio.file.Files.readAllLines(p, StandardCharsets.UTF_8)) {
          if (line.trim().startsWith("exec ")) {
            List<String> flags = new ArrayList<>();
            for (String token : line.trim().split("\\s+")) {
              if (token.startsWith("-X")) {
                flags.add(token);
              }
            }
            return flags;
          }
        }
      } catch (IOException e) {
        break;
      }
    }
    return LAUNCHER_FLAGS_FALLBACK;
  }

  static void printHeader() {
    System.out.println("| accounts | runtimes | latency | --rate/--concurrency | wall s | lower bound s (binding) | wall/bound"
        + " | API calls | minimum | calls/min | throttled (server) | retries | gaps | peak heap | peak live heap | peak RSS"
        + " | CPU s scanner+endpoint |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  }

  static void printRow(Result r) {
    Map<String, String> w = r.worker();
    System.out.printf("| %d | %d | %d ms%s | %s/%d | %.1f | %.1f (%s) | %.2f | %d | %d | %.3f | %d (%d) | %s | %s | %s | %s | %s | %.1f+%.1f |%n",
        r.accounts(), r.runtimes(), r.latency().toMillis(), r.limited() ? "" : ", no rate limits",
        trim(r.rate()), r.concurrency(), r.wallSeconds(), r.bound().seconds(), r.bound().binding(),
        r.wallSeconds() / r.bound().seconds(), r.calls(), r.minimumCalls(), (double) r.calls() / r.minimumCalls(),
        Long.parseLong(w.get("throttles")), r.serverThrottled(), w.get("retries"), r.gaps(),
        PeakMemory.mb(Long.parseLong(w.get("peakHeap"))), PeakMemory.mb(Long.parseLong(w.get("peakLive"))),
        PeakMemory.mb(Long.parseLong(w.get("rss"))), Long.parseLong(w.get("cpuMs")) / 1000.0, r.endpointCpuMs() / 1000.0);
  }

  static void printDetail(Result r) {
    System.out.printf("  %d accounts: bounds rate %.2f s [%s], latency %.2f s (%d calls x %d ms / %d), chain %.2f s;"
            + " first (account, region) unit done after %.1f s; server saw %d requests; gaps %s%n",
        r.accounts(), r.bound().rateSeconds(), r.bound().rateBucket(), r.bound().latencySeconds(), r.minimumCalls(),
        r.latency().toMillis(), r.concurrency(), r.bound().chainSeconds(), Long.parseLong(r.worker().get("firstUnitMs")) / 1000.0, r.serverRequests(), r.worker().get("gapKinds"));
    double cpu = Long.parseLong(r.worker().get("cpuMs")) / 1000.0 + r.endpointCpuMs() / 1000.0;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("  CPU: scanner %.1f s + endpoint %.1f s = %.2f ms per call; even with all %d cores to"
            + " ourselves the run needs >= %.1f s of wall time (not part of the lower bound)%n",
        Long.parseLong(r.worker().get("cpuMs")) / 1000.0, r.endpointCpuMs() / 1000.0,
        cpu * 1000 / Math.max(1, r.serverRequests()), cores, cpu / cores);
    Map<String, Long> made = new TreeMap<>();
    for (String kv : r.worker().get("ops").split(";")) {
      if (!kv.isEmpty()) {
        int eq = kv.indexOf('=');
        made.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
      }
    }
    System.out.println("  requests in flight at the endpoint, mean per 5 s from the worker's start: "
        + r.worker().getOrDefault("inFlight", "-"));
    System.out.println("  scanner JVM flags (as the launcher): " + WORKER_HEAP + " " + String.join(" ", launcherFlags())
        + " " + System.getProperty("bench.workerJvmArgs", "").trim());
    System.out.println("  scanner CPU s by thread (live at the end): " + r.worker().getOrDefault("threadCpu", "-"));
    System.out.println("  calls made by operation (engine names): " + made);
    System.out.println("  minimum by operation:                   " + r.minimumByOp());
  }

  static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
