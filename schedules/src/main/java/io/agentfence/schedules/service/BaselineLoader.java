package io.agentfence.schedules.service;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.GuardrailConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads a schedule's baseline file. The CLI supplies the strict YAML parser; a failure is an
 * exception whose message names the file and location, and fails that run (not the service).
 */
@FunctionalInterface
public interface BaselineLoader {
  Baseline load(Path file);

  /** The baseline of a schedule without one: no landing zones, no guardrail, no suppressions. */
  static Baseline none() {
    return new Baseline(1, "<no baseline>", List.of(), GuardrailConfig.none(), Map.of(), List.of());
  }
}
