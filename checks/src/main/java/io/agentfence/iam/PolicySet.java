package io.agentfence.iam;

import java.util.List;
import java.util.Optional;

/**
 * The policies that decide a request from one principal in one account.
 *
 * @param identity         identity-based policies (attached, inline, via groups)
 * @param identityComplete true when {@code identity} is the principal's whole grant set; false
 *                         when only a guardrail was given, in which case its other permissions
 *                         are assumed to allow the request and only explicit denies decide
 * @param boundary         the permissions boundary, if any
 * @param scpLevels        SCP levels from the root down to the account (empty: no SCPs modelled)
 * @param scpExemption     why SCPs do not apply (management account, service-linked role)
 */
public record PolicySet(
    List<Policy> identity,
    boolean identityComplete,
    Optional<Policy> boundary,
    List<ScpLevel> scpLevels,
    Optional<String> scpExemption) {
  public PolicySet {
    identity = List.copyOf(identity);
    boundary = boundary == null ? Optional.empty() : boundary;
    scpLevels = List.copyOf(scpLevels);
    scpExemption = scpExemption == null ? Optional.empty() : scpExemption;
  }

  /** Only guardrail documents, layered on top of permissions that are assumed to allow. */
  public static PolicySet guardrailOnly(List<Policy> identity, List<Policy> scps) {
    List<ScpLevel> levels = scps.isEmpty() ? List.of()
        : List.of(new ScpLevel("scp", scps, scps.stream().noneMatch(Policy::hasAllow)));
    return new PolicySet(identity, false, Optional.empty(), levels, Optional.empty());
  }
}
