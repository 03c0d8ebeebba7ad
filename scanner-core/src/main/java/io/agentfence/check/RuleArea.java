package io.agentfence.check;

/** Areas of the containment baseline, as in the DESIGN rule catalogue. */
public enum RuleArea { COVERAGE, NETWORK_MODE, EGRESS, DNS, PRIVATELINK, GUARDRAIL, CONTAINMENT, SUPPRESSION }
