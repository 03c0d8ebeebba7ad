package io.agentfence.cli;

import io.agentfence.baseline.BaselineParser;
import io.agentfence.inventory.json.SnapshotJson;
import java.nio.file.Path;

/** A snapshot file and a baseline file, as given to {@code agentfence check}. */
public final class FileSource implements ScanSource {
  private final Path inventory;
  private final Path baseline;

  public FileSource(Path inventory, Path baseline) {
    this.inventory = inventory;
    this.baseline = baseline;
  }

  @Override
  public ScanInput load() {
    // The baseline first: it is the file users edit by hand, so its errors are the likely ones.
    var b = BaselineParser.parse(baseline);
    return new ScanInput(SnapshotJson.read(inventory), b);
  }
}
