package io.agentfence.cli;

/** Process exit codes (DESIGN: Inputs and outputs). Scripts and CI gates depend on them. */
public final class ExitCodes {
  private ExitCodes() {}

  /** No failing findings at or above --fail-on, and the scan was complete. */
  public static final int CLEAN = 0;
  /** Failing findings at or above --fail-on. */
  public static final int FINDINGS = 1;
  /** Usage or configuration error: bad flags, malformed baseline, snapshot or policy. */
  public static final int USAGE = 2;
  /** No failing findings, but part of the scope could not be read. */
  public static final int INCOMPLETE = 3;
}
