package io.agentfence.reporters.compare;

import java.util.Locale;

/** SARIF §3.27.24 {@code baselineState}: how a result relates to the previous run's results. */
public enum BaselineState {
  /** In this run, not in the previous one. */
  NEW,
  /** In both, with no significant change. */
  UNCHANGED,
  /** In both, but its status, severity, message or evidence chain changed. */
  UPDATED,
  /** In the previous run, not in this one (fixed, now passing, or the resource is gone). */
  ABSENT;

  /** The SARIF / JSON spelling: {@code new}, {@code unchanged}, {@code updated}, {@code absent}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
