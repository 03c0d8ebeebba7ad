package io.agentfence.checks.guardrail;

import io.agentfence.checks.guardrail.GuardrailActions.ScenarioPrincipal;
import io.agentfence.finding.ResourceRef;
import io.agentfence.iam.Policy;
import io.agentfence.iam.PolicySet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One guardrail document the baseline names, as found in the snapshot: a customer-managed policy
 * in one account, or an SCP of the organization.
 *
 * @param policy        the parsed document; empty when it could not be read ({@code unknown})
 * @param unknown       why the document cannot be judged (IAM not read, not JSON, ...)
 */
record GuardrailTarget(
    ResourceRef ref,
    String name,
    boolean scp,
    Optional<Policy> policy,
    Optional<String> unknown,
    List<String> approvedSubnets,
    List<String> approvedSgs,
    Set<String> candidateSubnets,
    Set<String> candidateSgs,
    ScenarioPrincipal principal) {

  /** The guardrail alone, layered on permissions assumed to allow (what a guardrail must stop). */
  PolicySet set() {
    Policy p = policy.orElseThrow();
    return scp ? PolicySet.guardrailOnly(List.of(), List.of(p)) : PolicySet.guardrailOnly(List.of(p), List.of());
  }

  String kindLabel() {
    return scp ? "SCP" : "managed policy";
  }
}
