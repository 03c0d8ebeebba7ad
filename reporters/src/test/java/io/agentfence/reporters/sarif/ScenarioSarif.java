package io.agentfence.reporters.sarif;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** SARIF of every fixture scenario; filled in once scenarios and the baseline parser exist. */
final class ScenarioSarif {
  private ScenarioSarif() {}

  static Map<String, Path> writeAll(Path dir) {
    return new TreeMap<>();
  }
}
