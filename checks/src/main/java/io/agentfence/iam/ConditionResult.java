package io.agentfence.iam;

import java.util.Optional;

/**
 * The result of one condition triple, why, and a note when the result rests on something AWS
 * does not document (the finding repeats the note).
 */
public record ConditionResult(Condition condition, Tri result, String explanation, Optional<String> note) {
  public ConditionResult {
    note = note == null ? Optional.empty() : note;
  }
}
