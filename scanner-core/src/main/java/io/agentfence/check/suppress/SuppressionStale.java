package io.agentfence.check.suppress;

import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.finding.Severity;

/**
 * A suppression that matches no finding: its resource is gone, its rule id or pattern is wrong, or
 * the problem was fixed. Reported so that the baseline does not accumulate exceptions that could
 * later hide a new resource matching an old pattern.
 */
@Rule(
    id = SuppressionStale.ID,
    name = "Suppression matches nothing",
    area = RuleArea.SUPPRESSION,
    severity = Severity.LOW,
    control = "Baseline hygiene: accepted risks name real findings",
    summary = "Fails for every unexpired suppression that matched no finding of this scan.",
    rationale = "A stale suppression may silently hide a future resource that happens to match its pattern,"
        + " and usually means a typo in the rule id or ARN pattern.",
    remediationConsole = "Check the rule id and ARN pattern against 'agentfence scan --format json' output.",
    remediationCli = "Edit agentfence.yaml: correct or remove the suppression.",
    remediationTerraform = "Not applicable: suppressions live in agentfence.yaml.")
public final class SuppressionStale {
  public static final String ID = "AF-SUP-002";

  private SuppressionStale() {}
}
