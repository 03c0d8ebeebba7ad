package io.agentfence.checks.guardrail;

import io.agentfence.checks.guardrail.Scenario.Expectation;
import io.agentfence.iam.Decision;
import io.agentfence.iam.StatementResult;
import java.util.stream.Collectors;

/** A scenario and the guardrail's decision on it. */
public record ScenarioOutcome(Scenario scenario, Decision decision) {

  /** True when the guardrail does what the scenario requires (INFO scenarios are always fine). */
  public boolean ok() {
    switch (scenario.expectation()) {
      case MUST_DENY:
        return decision.denied();
      case MUST_ALLOW:
        return !decision.denied();
      default:
        return true;
    }
  }

  public String expected() {
    return scenario.expectation() == Expectation.MUST_DENY ? "DENIED"
        : scenario.expectation() == Expectation.MUST_ALLOW ? "NOT_DENIED" : "either";
  }

  /** Which statement decided, or why no Deny statement fired. */
  public String explanation() {
    if (decision.denied()) {
      return "denied by " + decision.deniedBy().get().label() + ": " + decision.deniedBy().get().reason();
    }
    return "not denied: " + whyNotDenied(decision, scenario.request().action());
  }

  static String whyNotDenied(Decision decision, String action) {
    if (decision.denyStatementsThatDidNotFire().isEmpty()) {
      return "no Deny statement lists " + action;
    }
    return decision.denyStatementsThatDidNotFire().stream()
        .map(ScenarioOutcome::render)
        .collect(Collectors.joining("; "));
  }

  static String render(StatementResult r) {
    return "Deny " + r.label() + ": " + r.explanation();
  }
}
