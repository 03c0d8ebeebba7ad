package io.agentfence.finding;

/** Verdict of a rule on one resource. UNKNOWN means "not read", never "fine". */
public enum Status { PASS, FAIL, UNKNOWN }
