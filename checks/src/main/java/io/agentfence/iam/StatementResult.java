package io.agentfence.iam;

import java.util.List;

/**
 * How one statement fared against a request: whether its Action, Resource and Condition matched
 * and, in one sentence, why it does or does not apply.
 *
 * @param applies Action ∧ Resource ∧ Condition
 * @param notes   undocumented-behaviour notes raised while evaluating it
 */
public record StatementResult(
    Policy policy, Statement statement, boolean actionMatched, Tri resourceMatched, Tri conditionMatched,
    Tri applies, String explanation, List<String> notes) {
  public StatementResult {
    notes = List.copyOf(notes);
  }

  /** e.g. {@code guardrail.json DenyNoSubnets}. */
  public String label() {
    return policy.source() + " " + statement.label();
  }
}
