package io.agentfence.checks;

import io.agentfence.check.Check;
import io.agentfence.check.CheckRunner;
import java.util.List;

/**
 * Every rule agentfence ships, in catalogue order. Adding a rule means adding its class here (one
 * line) and its fixtures; ids are stable once shipped.
 */
public final class Catalogue {
  private Catalogue() {}

  public static List<Check> all() {
    return List.of(
        // coverage

        // network mode

        // egress path

        // DNS

        // PrivateLink

        // guardrail
        new io.agentfence.checks.guardrail.GuardrailMissingCheck(),
        new io.agentfence.checks.guardrail.GuardrailAllowsPublicModeCheck(),
        new io.agentfence.checks.guardrail.GuardrailAllowsForeignNetworkCheck(),
        new io.agentfence.checks.guardrail.GuardrailScopeGapCheck(),
        new io.agentfence.checks.guardrail.GuardrailBreaksDeploymentsCheck(),
        new io.agentfence.checks.guardrail.GuardrailApprovedSetCheck(),
        new io.agentfence.checks.guardrail.GuardrailCoverageCheck()

        // containment verdict
    );
  }

  public static CheckRunner runner() {
    return new CheckRunner(all());
  }
}
