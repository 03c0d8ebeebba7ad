package io.agentfence.cli;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.BaselineParser;
import io.agentfence.collect.ReusableReads;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;

/**
 * The demo organization shipped in the fixtures module ({@code scenarios/demo-org/}), read from the
 * classpath so {@code scan --demo} needs no AWS credentials. (The collectors work may later serve
 * it through the local AWS endpoint instead; only this class changes.)
 */
public final class DemoSource implements ScanSource {
  static final String SNAPSHOT = "scenarios/demo-org/snapshot.json";
  static final String BASELINE = "scenarios/demo-org/baseline.yaml";

  private final java.io.PrintStream err;
  private final ReusableReads reuse;

  public DemoSource() {
    this(System.err);
  }

  /** @param err where the demo's collection progress goes (stderr) */
  public DemoSource(java.io.PrintStream err) {
    this(err, ReusableReads.none());
  }

  /** A warm demo scan that reuses the immutable records of {@code reuse}. */
  public DemoSource(java.io.PrintStream err, ReusableReads reuse) {
    this.err = err;
    this.reuse = reuse;
  }

  @Override
  public ScanInput load() throws IOException {
    Baseline baseline;
    try (InputStream in = open(BASELINE)) {
      baseline = BaselineParser.parse(in, "demo:" + BASELINE);
    }
    return new ScanInput(collect(reuse, err), baseline);
  }

  /** The demo organization served over the real wire protocols and collected like a live --org scan. */
  public static Snapshot collect(ReusableReads reuse, java.io.PrintStream err) throws IOException {
    Snapshot snapshot;
    try (InputStream in = open(SNAPSHOT)) {
      snapshot = SnapshotJson.read(in, "demo:" + SNAPSHOT);
    }
    return io.agentfence.cli.collect.EndpointDemo.collect(snapshot, reuse, err);
  }

  private static InputStream open(String resource) {
    InputStream in = DemoSource.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new UserError("agentfence: the demo organization is not in this build (classpath resource "
          + resource + " is missing). Rebuild with 'mvn -B package -DskipTests'.");
    }
    return in;
  }
}
