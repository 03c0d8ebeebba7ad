package io.agentfence.iam;

import java.util.List;

/**
 * One (operator, key, values) triple of a Condition block. All triples of a statement are ANDed;
 * the values of one triple are ORed (NOR for negated operators) [D MULTI].
 *
 * @param key    the context key as written (compared case-insensitively [D COND])
 * @param values the policy values as text (booleans and numbers are written as JSON text)
 * @param pointer JSON pointer of the triple in its document, for messages
 */
public record Condition(ConditionOperator operator, String key, List<String> values, String pointer) {
  public Condition {
    values = List.copyOf(values);
  }

  public String render() {
    return operator.name() + " " + key + " " + (values.size() == 1 ? values.get(0) : values.toString());
  }
}
