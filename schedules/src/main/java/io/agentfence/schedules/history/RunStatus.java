package io.agentfence.schedules.history;

/**
 * Life of a run. Only COMPLETE and INCOMPLETE runs have a snapshot and findings, and they get them
 * in the same transaction that sets the status.
 */
public enum RunStatus {
  /** Parts are being collected. */
  RUNNING,
  /** Every part collected and every in-scope (account, region, kind) read. */
  COMPLETE,
  /** Every part collected, but some scope could not be read (see coverage). */
  INCOMPLETE,
  /** A part failed as a whole (the source threw); no snapshot is stored. */
  FAILED,
  /** Left RUNNING by a process that died, with no job left to finish it. */
  ABANDONED;

  public boolean finished() {
    return this == COMPLETE || this == INCOMPLETE;
  }
}
