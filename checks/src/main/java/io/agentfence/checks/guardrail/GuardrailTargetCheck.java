package io.agentfence.checks.guardrail;

import io.agentfence.check.Check;
import io.agentfence.check.CheckContext;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Base of the rules that judge each guardrail document the baseline names: a document that
 * cannot be read or evaluated is UNKNOWN, never PASS.
 */
abstract class GuardrailTargetCheck implements Check {
  @Override
  public final List<Finding> evaluate(CheckContext context) {
    OrgView org = OrgView.of(context);
    List<Finding> out = new ArrayList<>();
    for (GuardrailTarget t : GuardrailTargets.locate(context, org)) {
      if (t.unknown().isPresent()) {
        out.add(GuardrailFindings.of(this, Status.UNKNOWN, t.ref(), t.unknown().get(), GuardrailFindings.chain(t),
            GuardrailFindings.props()));
      } else {
        judge(t).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The finding for one evaluable guardrail document (empty when the rule does not apply). */
  abstract Optional<Finding> judge(GuardrailTarget target);
}
