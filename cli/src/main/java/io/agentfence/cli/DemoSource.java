package io.agentfence.cli;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.BaselineParser;
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

  public DemoSource() {
    this(System.err);
  }

  /** @param err where the demo's collection progress goes (stderr) */
  public DemoSource(java.io.PrintStream err) {
    this.err = err;
  }

  @Override
  public ScanInput load() throws IOException {
    Baseline baseline;
    try (InputStream in = open(BASELINE)) {
      baseline = BaselineParser.parse(in, "demo:" + BASELINE);
    }
    Snapshot snapshot;
    try (InputStream in = open(SNAPSHOT)) {
      snapshot = SnapshotJson.read(in, "demo:" + SNAPSHOT);
    }
    // Served over the real wire protocols and collected like a live --org scan.
    snapshot = io.agentfence.cli.collect.EndpointDemo.collect(snapshot, err);
    return new ScanInput(snapshot, baseline);
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
