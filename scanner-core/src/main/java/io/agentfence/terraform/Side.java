package io.agentfence.terraform;

/** Which world a plan's values describe: before the change (live) or after it (proposed). */
public enum Side { BEFORE, AFTER }
