package io.agentfence.schedules.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How long finished runs of a schedule are kept: at most {@code count} runs and/or none older than
 * {@code age}. Runs still RUNNING are never deleted.
 */
public record Retention(Optional<Integer> count, Optional<Duration> age) {
  public Retention {
    count = count == null ? Optional.empty() : count;
    age = age == null ? Optional.empty() : age;
  }

  public static Retention keepAll() {
    return new Retention(Optional.empty(), Optional.empty());
  }
}
