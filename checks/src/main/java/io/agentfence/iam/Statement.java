package io.agentfence.iam;

import java.util.List;
import java.util.Optional;

/**
 * A parsed policy statement.
 *
 * @param index       position in the Statement array (0 when Statement is a single object)
 * @param notAction   true when the statement uses NotAction ({@code actions} then lists exclusions)
 * @param notResource true when the statement uses NotResource
 */
public record Statement(
    int index,
    Optional<String> sid,
    Effect effect,
    List<String> actions,
    boolean notAction,
    List<String> resources,
    boolean notResource,
    List<Condition> conditions) {
  public Statement {
    sid = sid == null ? Optional.empty() : sid;
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    conditions = List.copyOf(conditions);
  }

  /** The Sid, or {@code #index} for a statement without one. */
  public String label() {
    return sid.orElse("#" + index);
  }
}
