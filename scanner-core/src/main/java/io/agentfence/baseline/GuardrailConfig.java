package io.agentfence.baseline;

import io.agentfence.util.Values;
import java.util.List;

/**
 * The guardrail that must make an uncontained create impossible: customer-managed IAM policy names
 * (attached where runtimes can be created) and/or SCP names (attached to the accounts).
 */
public record GuardrailConfig(List<String> managedPolicies, List<String> scps) {
  public GuardrailConfig {
    managedPolicies = Values.list(managedPolicies);
    scps = Values.list(scps);
  }

  public static GuardrailConfig none() {
    return new GuardrailConfig(List.of(), List.of());
  }

  public boolean isEmpty() {
    return managedPolicies.isEmpty() && scps.isEmpty();
  }
}
