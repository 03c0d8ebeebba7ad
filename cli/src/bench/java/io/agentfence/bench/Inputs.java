package io.agentfence.bench;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.BaselineParser;
import io.agentfence.fixtures.synthetic.SyntheticOrganization;
import io.agentfence.fixtures.synthetic.SyntheticSpec;
import io.agentfence.inventory.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Inputs shared by the in-process benchmarks: synthetic snapshots of a given size and the baseline. */
final class Inputs {
  private Inputs() {}

  /** An organization of about {@code runtimes} runtimes: 3 regions x 20 runtimes per account. */
  static Snapshot organization(int runtimes) {
    int accounts = Math.max(1, (int) Math.round(runtimes / (double) (ScanBench.REGIONS * ScanBench.RUNTIMES)));
    return SyntheticOrganization.generate(SyntheticSpec.of(7, accounts, ScanBench.REGIONS, ScanBench.RUNTIMES));
  }

  static long runtimes(Snapshot s) {
    return s.accounts().stream().flatMap(a -> a.regions().stream()).mapToLong(r -> r.runtimes().size()).sum();
  }

  static Baseline baseline() {
    try (InputStream in = Inputs.class.getResourceAsStream("/bench/baseline.yaml")) {
      return BaselineParser.parse(in, "bench/baseline.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
