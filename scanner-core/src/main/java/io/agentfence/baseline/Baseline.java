package io.agentfence.baseline;

import io.agentfence.finding.Severity;
import io.agentfence.util.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The containment baseline ({@code agentfence.yaml}): what "contained" means for this
 * organization. Parsed strictly by {@code BaselineParser}; see {@code docs/baseline.md}.
 *
 * @param source where it was read from (for messages), e.g. a file path
 */
public record Baseline(
    int version,
    String source,
    List<LandingZone> landingZones,
    GuardrailConfig guardrail,
    Map<String, Severity> severityOverrides,
    List<Suppression> suppressions) {
  public Baseline {
    source = source == null ? "<baseline>" : source;
    landingZones = Values.list(landingZones);
    guardrail = guardrail == null ? GuardrailConfig.none() : guardrail;
    severityOverrides = Values.map(severityOverrides);
    suppressions = Values.list(suppressions);
  }

  /** The landing zones that cover an (account, region). */
  public List<LandingZone> zonesFor(String accountId, String region) {
    return landingZones.stream().filter(z -> z.covers(accountId, region)).toList();
  }

  /** The landing zone covering an (account, region, VPC), if any. */
  public Optional<LandingZone> zoneFor(String accountId, String region, String vpcId) {
    return landingZones.stream()
        .filter(z -> z.covers(accountId, region) && z.vpcId().equals(vpcId))
        .findFirst();
  }

  public Severity severityFor(String ruleId, Severity defaultSeverity) {
    return severityOverrides.getOrDefault(ruleId, defaultSeverity);
  }
}
