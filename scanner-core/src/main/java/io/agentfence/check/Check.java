package io.agentfence.check;

import io.agentfence.finding.Finding;
import java.util.List;

/**
 * A rule: a pure function of (inventory, baseline) to findings. No I/O, no clock, no randomness:
 * the same context always yields the same findings (DESIGN principle 3).
 *
 * <p>Implementations are annotated with {@link Rule}. For every resource in scope a check emits
 * PASS, FAIL or UNKNOWN; UNKNOWN when the data it needs was not read (see {@link
 * io.agentfence.inventory.CoverageIndex}).
 */
public interface Check {
  List<Finding> evaluate(CheckContext context);

  default RuleMetadata metadata() {
    Rule rule = getClass().getAnnotation(Rule.class);
    if (rule == null) {
      throw new IllegalStateException(getClass().getName() + " lacks @Rule");
    }
    return RuleMetadata.of(rule);
  }
}
