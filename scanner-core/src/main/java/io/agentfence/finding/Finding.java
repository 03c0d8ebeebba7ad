package io.agentfence.finding;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdict of one rule on one resource, with the evidence chain that leads to it.
 *
 * @param severity   the rule's severity after baseline overrides
 * @param properties extra machine-readable facts (e.g. {@code scenario}, {@code statementSid})
 */
public record Finding(
    String ruleId,
    Status status,
    Severity severity,
    ResourceRef resource,
    String message,
    List<EvidenceLink> evidence,
    Map<String, String> properties,
    Optional<SuppressionInfo> suppression) {
  public Finding {
    Values.require(ruleId, "ruleId");
    if (status == null || severity == null || resource == null) {
      throw new IllegalArgumentException("status, severity and resource are required");
    }
    message = message == null ? "" : message;
    evidence = Values.list(evidence);
    properties = Values.map(properties);
    suppression = Values.opt(suppression);
  }

  public Finding(
      String ruleId, Status status, Severity severity, ResourceRef resource, String message,
      List<EvidenceLink> evidence, Map<String, String> properties) {
    this(ruleId, status, severity, resource, message, evidence, properties, Optional.empty());
  }

  /** The evidence chain as one line, joined by arrows. */
  public String chain() {
    return evidence.stream().map(EvidenceLink::render).collect(Collectors.joining(" → "));
  }

  public Finding withSeverity(Severity s) {
    return new Finding(ruleId, status, s, resource, message, evidence, properties, suppression);
  }

  public Finding withSuppression(SuppressionInfo info) {
    return new Finding(ruleId, status, severity, resource, message, evidence, properties, Optional.of(info));
  }

  /** A failing finding that is not suppressed: what the gate counts. */
  public boolean counts() {
    return status == Status.FAIL && suppression.isEmpty();
  }

  public boolean failed() {
    return status == Status.FAIL;
  }
}
