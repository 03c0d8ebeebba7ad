package io.agentfence.cli.collect;

import io.agentfence.collect.ReusableReads;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --previous-inventory FILE} and {@code --cold} of {@code scan} and {@code collect}: a warm
 * scan reuses what is immutable in a previous snapshot instead of reading it again.
 */
public final class WarmOptions {
  @Option(names = "--previous-inventory", paramLabel = "FILE",
      description = "A previous snapshot (from 'collect -o' or the nightly history): runtime versions and browser/"
          + "code-interpreter configurations read whole there are reused instead of read again (they are immutable"
          + " in AgentCore); everything else is read. Each reused record names the collection that read it.")
  Path previousInventory;

  @Option(names = "--cold", description = "Read everything, even with --previous-inventory.")
  boolean cold;

  /** What the scan may reuse; a bad file is a {@code SnapshotFormatException} (exit 2) before any call. */
  public ReusableReads reuse(PrintStream err) {
    if (previousInventory == null || cold) {
      return ReusableReads.none();
    }
    Snapshot previous = SnapshotJson.read(previousInventory);
    ReusableReads reuse = ReusableReads.of(previous);
    err.println("agentfence: warm scan: reusing immutable records of " + previousInventory + " (collected "
        + previous.collection().label() + "); use --cold to read everything");
    return reuse;
  }
}
