package io.agentfence.schedules.drift;

import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.util.Values;
import java.util.Optional;

/** A finding that started failing (new) or stopped failing (resolved) between two scans. */
public record FindingChange(
    String ruleId, ResourceRef resource, Severity severity, String message,
    Optional<Status> before, Optional<Status> after) {
  public FindingChange {
    Values.require(ruleId, "ruleId");
    message = message == null ? "" : message;
    before = Values.opt(before);
    after = Values.opt(after);
  }
}
