package io.agentfence.schedules.config;

import io.agentfence.util.Values;
import java.nio.file.Path;
import java.util.List;

/**
 * What produces a schedule's snapshots: the live engine over AWS, the demo organization served by
 * the local endpoint, or a replay of snapshot files (one per run, in order; the last repeats).
 */
public record SourceSpec(Kind kind, List<Path> replayFiles) {
  public enum Kind { LIVE, DEMO, REPLAY }

  public SourceSpec {
    if (kind == null) {
      throw new IllegalArgumentException("source kind is required");
    }
    replayFiles = Values.list(replayFiles);
  }

  public static SourceSpec live() {
    return new SourceSpec(Kind.LIVE, List.of());
  }
}
