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
import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH benchmarks of the in-process hot paths on a synthetic organization of {@code runtimes}
 * runtimes (3 regions x 20 runtimes per account, with tools, network and IAM): parsing the snapshot
 * JSON, running the whole rule catalogue, and writing the JSON report and SARIF.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HotPaths {
  @Param({"1200"})
  public int runtimes;

  private byte[] json;
  private Snapshot snapshot;
  private Baseline baseline;
  private CheckRunner runner;
  private ScanReport report;
  private Path dir;

  @Setup(Level.Trial)
  public void setUp() {
    snapshot = Inputs.organization(runtimes);
    json = SnapshotJson.write(snapshot).getBytes(StandardCharsets.UTF_8);
    baseline = Inputs.baseline();
    runner = Catalogue.runner();
    report = runner.report(snapshot, baseline, LocalDate.of(2026, 11, 22), "bench");
    try {
      dir = Files.createTempDirectory("agentfence-jmh");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Benchmark
  public Snapshot parseSnapshot() {
    return SnapshotJson.read(new ByteArrayInputStream(json), "bench");
  }

  @Benchmark
  public ScanReport evaluateRules() {
    return runner.report(snapshot, baseline, LocalDate.of(2026, 11, 22), "bench");
  }

  /** What {@code --format sarif --output-dir} does: as many files as GitHub's limits need. */
  @Benchmark
  public long writeSarif() throws IOException {
    long bytes = 0;
    for (Path p : new SarifReporter().writeFiles(report, Comparison.none(), dir.resolve("agentfence.sarif"))) {
      bytes += Files.size(p);
    }
    return bytes;
  }

  /** What {@code --format json --output FILE} does: the JSON report, streamed to a file. */
  @Benchmark
  public long writeJson() throws IOException {
    Path file = dir.resolve("agentfence.json");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      new JsonReporter().write(report, out);
    }
    return Files.size(file);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }
}
