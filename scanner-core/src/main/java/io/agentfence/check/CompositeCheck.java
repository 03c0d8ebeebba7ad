package io.agentfence.check;

import io.agentfence.finding.Finding;
import java.util.List;

/**
 * A rule over other rules' findings (e.g. the per-runtime containment verdict). {@link CheckRunner}
 * evaluates it after every plain {@link Check}, in catalogue order, handing it the findings already
 * produced, so the catalogue is evaluated once per scan rather than once more per composite.
 */
public interface CompositeCheck extends Check {
  /**
   * @param prior the findings of every plain check of the run, in catalogue order (each check's
   *     findings in the order it returned them), then those of the composites before this one
   */
  List<Finding> evaluate(CheckContext context, List<Finding> prior);

  /**
   * A composite has nothing to judge without the other rules' findings; answering here with an
   * empty prior would pass everything, so calling it this way is a programming error.
   */
  @Override
  default List<Finding> evaluate(CheckContext context) {
    throw new UnsupportedOperationException(getClass().getName()
        + " judges other rules' findings: run it through CheckRunner or call evaluate(context, prior)");
  }
}
