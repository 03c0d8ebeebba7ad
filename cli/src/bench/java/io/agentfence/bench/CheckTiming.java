package io.agentfence.bench;

import io.agentfence.baseline.Baseline;
import io.agentfence.check.CheckRunner;
import io.agentfence.checks.Catalogue;
import io.agentfence.finding.ScanReport;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.json.JsonReporter;
import io.agentfence.reporters.sarif.SarifReporter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Plain wall-clock timing (not JMH: each step runs once on a cold-ish JVM, like a CLI run) of what
 * {@code agentfence check} does with a large snapshot file: parse it, run every rule, write the JSON
 * report and the SARIF files. At several sizes, to show the cost per runtime stays flat. Memory is
 * measured from the parse on (the generated organization is dropped first): peak heap used (garbage
 * included) and peak live heap (the most in use right after a collection, i.e. what parse, check
 * and reports retain at their busiest), next to the driver's -Xmx.
 */
final class CheckTiming {
  private CheckTiming() {}

  static void run(List<Integer> sizes) throws IOException {
    Baseline baseline = Inputs.baseline();
    CheckRunner runner = Catalogue.runner();
    PeakMemory memory = new PeakMemory();
    // Warm-up on a small organization so the first size does not pay class loading and JIT alone.
    step(Inputs.organization(3000), baseline, runner, memory, false);
    System.out.printf("driver heap max (-Xmx) %s%n", PeakMemory.mb(PeakMemory.maxHeap()));
    System.out.println("| runtimes | snapshot MB | parse s | check s | findings | JSON report s (MB) | SARIF s (files, MB)"
        + " | total s | µs per runtime | peak heap MB | peak live heap MB | load avg |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (int n : sizes) {
      step(Inputs.organization(n), baseline, runner, memory, true);
    }
  }

  private static void step(Snapshot generated, Baseline baseline, CheckRunner runner, PeakMemory memory, boolean print)
      throws IOException {
    Path dir = Files.createTempDirectory("agentfence-bench");
    try {
      Path file = dir.resolve("snapshot.json");
      SnapshotJson.write(generated, file);
      long runtimes = Inputs.runtimes(generated);
      generated = null; // only the parsed copy stays reachable
      System.gc();
      memory.reset();
      long t0 = System.nanoTime();
      Snapshot snapshot = SnapshotJson.read(file);
      long t1 = System.nanoTime();
      ScanReport report = runner.report(snapshot, baseline, LocalDate.of(2026, 11, 22), "bench");
      long t2 = System.nanoTime();
      Path json = dir.resolve("agentfence.json");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(json), 1 << 16)) {
        new JsonReporter().write(report, out);
      }
      long t3 = System.nanoTime();
      List<Path> sarif = new SarifReporter().writeFiles(report, Comparison.none(), dir.resolve("agentfence.sarif"));
      long t4 = System.nanoTime();
      long peakHeap = memory.peakHeapUsed();
      System.gc(); // at least one collection after the reports, so the live peak has a sample
      long peakLive = memory.peakLiveHeap();
      if (print) {
        long sarifBytes = 0;
        for (Path p : sarif) {
          sarifBytes += Files.size(p);
        }
        System.out.printf("| %d | %.0f | %.2f | %.2f | %d | %.2f (%.0f) | %.2f (%d, %.0f) | %.2f | %.1f | %.0f | %.0f | %.1f |%n",
            runtimes, Files.size(file) / 1e6, s(t0, t1), s(t1, t2), report.findings().size(),
            s(t2, t3), Files.size(json) / 1e6, s(t3, t4), sarif.size(), sarifBytes / 1e6, s(t0, t4),
            (t4 - t0) / 1e3 / runtimes, peakHeap / 1048576.0, peakLive / 1048576.0,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static double s(long from, long to) {
    return (to - from) / 1e9;
  }
}
