package io.agentfence.check.suppress;

import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.finding.Severity;

/**
 * An accepted risk whose expiry date has passed: it no longer suppresses anything, and the lapse
 * is itself a finding so that "temporary" exceptions do not silently become permanent ones. Not a
 * {@link io.agentfence.check.Check}: it judges the baseline against the other checks' findings, so
 * {@link Suppressions} evaluates it after them.
 */
@Rule(
    id = SuppressionExpired.ID,
    name = "Suppression expired",
    area = RuleArea.SUPPRESSION,
    severity = Severity.MEDIUM,
    control = "Baseline hygiene: accepted risks are time-boxed",
    summary = "Fails for every suppression in the baseline whose expiry date has passed.",
    rationale = "An expired suppression no longer hides its findings, so the gate may fail on them again;"
        + " either the risk was fixed (remove the entry) or it must be re-approved with a new date.",
    remediationConsole = "Review the accepted risk with its owner; fix the finding or renew the entry.",
    remediationCli = "Edit agentfence.yaml: remove the suppression, or set a new 'expires' date after review.",
    remediationTerraform = "Not applicable: suppressions live in agentfence.yaml.")
public final class SuppressionExpired {
  public static final String ID = "AF-SUP-001";

  private SuppressionExpired() {}
}
