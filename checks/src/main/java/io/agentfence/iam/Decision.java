package io.agentfence.iam;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of evaluating a request. For a guardrail what matters is whether the request is
 * denied; {@link #deniedBy()} names the statement (explicit deny) or the policy that allowed
 * nothing (implicit deny). {@link #trace()} holds every statement whose Action and Resource
 * matched (or could have), so a caller can say why nothing denied.
 */
public record Decision(
    Outcome outcome, Optional<DeniedBy> deniedBy, List<StatementResult> allowedBy, List<StatementResult> trace,
    List<String> notes) {
  public Decision {
    deniedBy = deniedBy == null ? Optional.empty() : deniedBy;
    allowedBy = List.copyOf(allowedBy);
    trace = List.copyOf(trace);
    notes = List.copyOf(notes);
  }

  public enum Outcome { DENIED, NOT_DENIED }

  public enum DenyKind { EXPLICIT, IMPLICIT }

  /**
   * @param source the file or policy name
   * @param sid    the statement's Sid (empty for a statement without one, or an implicit deny)
   * @param index  the statement's index, -1 for an implicit deny
   */
  public record DeniedBy(String source, Optional<String> sid, int index, DenyKind kind, String reason) {
    public String label() {
      return source + (index >= 0 ? " " + sid.orElse("#" + index) : "");
    }
  }

  public boolean denied() {
    return outcome == Outcome.DENIED;
  }

  /** Deny statements that matched the action but did not fire, with the reason each did not. */
  public List<StatementResult> denyStatementsThatDidNotFire() {
    return trace.stream()
        .filter(r -> r.statement().effect() == Effect.DENY && r.applies() != Tri.TRUE)
        .toList();
  }
}
