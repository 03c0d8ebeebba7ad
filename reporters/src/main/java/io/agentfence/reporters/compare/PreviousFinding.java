package io.agentfence.reporters.compare;

import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.util.Values;

/**
 * A result read back from a previous SARIF or JSON output of ours: enough to match it (fingerprint),
 * to tell whether it changed, and to report it again as {@code absent}.
 *
 * @param chain the evidence chain as one line ({@code Finding#chain()})
 */
public record PreviousFinding(
    String fingerprint, String ruleId, Status status, Severity severity, ResourceRef resource,
    String message, String chain) {
  public PreviousFinding {
    Values.require(fingerprint, "previous fingerprint");
    Values.require(ruleId, "previous ruleId");
    if (status == null || severity == null || resource == null) {
      throw new IllegalArgumentException("previous status, severity and resource are required");
    }
    message = message == null ? "" : message;
    chain = chain == null ? "" : chain;
  }
}
