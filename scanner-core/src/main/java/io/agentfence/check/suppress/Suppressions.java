package io.agentfence.check.suppress;

import io.agentfence.baseline.Suppression;
import io.agentfence.check.RuleMetadata;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.finding.SuppressionInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * Applies the baseline's suppressions (accepted risks) to the checks' findings. Pure: the date is
 * passed in ({@code CheckContext.today}).
 *
 * <ul>
 *   <li>A finding matched by an unexpired suppression keeps its status and gets its
 *       {@link SuppressionInfo}; {@link Finding#counts()} then leaves it out of the gate. The first
 *       matching suppression in baseline order wins.</li>
 *   <li>An expired suppression suppresses nothing and is a FAIL of {@value SuppressionExpired#ID}.</li>
 *   <li>An unexpired suppression that matches no finding (of any status) is a FAIL of
 *       {@value SuppressionStale#ID}.</li>
 *   <li>Every other suppression PASSes both rules. Findings of these two rules are never suppressed.</li>
 * </ul>
 *
 * <p>Matching: rule id exactly; {@code resource} as an {@link ArnGlob} on the finding's ARN;
 * {@code account} and {@code region} exactly; each {@code tags} entry must equal the finding's
 * {@code tag:<key>} property (checks set those for resources whose tags the inventory carries; a
 * suppression with tags never matches a resource without them — fail closed).
 */
public final class Suppressions {
  /** Finding property prefix carrying a resource tag, e.g. {@code tag:team}. */
  public static final String TAG_PREFIX = "tag:";

  private Suppressions() {}

  /** The metadata of the two suppression rules, for {@code ScanReport.rules()}. */
  public static List<RuleMetadata> rules() {
    return List.of(
        RuleMetadata.of(SuppressionExpired.class.getAnnotation(io.agentfence.check.Rule.class)),
        RuleMetadata.of(SuppressionStale.class.getAnnotation(io.agentfence.check.Rule.class)));
  }

  /**
   * Returns the findings with suppressions applied (same order), followed by the findings of the
   * suppression rules (in baseline order), with the given severities for those two rules.
   */
  public static List<Finding> apply(List<Finding> findings, List<Suppression> suppressions, LocalDate today,
      Severity expiredSeverity, Severity staleSeverity) {
    int[] matched = new int[suppressions.size()];
    List<Finding> out = new ArrayList<>(findings.size() + 2 * suppressions.size());
    for (Finding f : findings) {
      Finding result = f;
      if (!isSuppressionRule(f.ruleId())) {
        for (int i = 0; i < suppressions.size(); i++) {
          Suppression s = suppressions.get(i);
          if (matches(s, f)) {
            matched[i]++;
            if (!s.expiredOn(today) && result.suppression().isEmpty()) {
              result = f.withSuppression(new SuppressionInfo(s.justification(), s.owner(), s.expires()));
            }
          }
        }
      }
      out.add(result);
    }
    for (int i = 0; i < suppressions.size(); i++) {
      Suppression s = suppressions.get(i);
      ResourceRef ref = resource(s);
      List<EvidenceLink> evidence = List.of(
          EvidenceLink.of("suppression", describe(s), "owner " + s.owner() + ", expires " + s.expires()),
          EvidenceLink.of("justification", s.justification()));
      boolean expired = s.expiredOn(today);
      out.add(new Finding(SuppressionExpired.ID, expired ? Status.FAIL : Status.PASS, expiredSeverity, ref,
          expired
              ? "Suppression of " + s.ruleId() + " (owner " + s.owner() + ") expired on " + s.expires()
                  + "; the " + matched[i] + " finding(s) it matched are no longer suppressed"
              : "Suppression of " + s.ruleId() + " is valid until " + s.expires(),
          evidence, Map.of("matchedFindings", String.valueOf(matched[i]))));
      boolean stale = !expired && matched[i] == 0;
      out.add(new Finding(SuppressionStale.ID, stale ? Status.FAIL : Status.PASS, staleSeverity, ref,
          stale
              ? "Suppression of " + s.ruleId() + " (owner " + s.owner() + ") matches no finding of this scan"
              : expired ? "Suppression of " + s.ruleId() + " has expired (see " + SuppressionExpired.ID + ")"
                  : "Suppression of " + s.ruleId() + " matches " + matched[i] + " finding(s)",
          evidence, Map.of("matchedFindings", String.valueOf(matched[i]))));
    }
    return out;
  }

  static boolean isSuppressionRule(String ruleId) {
    return ruleId.equals(SuppressionExpired.ID) || ruleId.equals(SuppressionStale.ID);
  }

  static boolean matches(Suppression s, Finding f) {
    if (!s.ruleId().equals(f.ruleId())) {
      return false;
    }
    ResourceRef r = f.resource();
    if (s.resource().isPresent() && !ArnGlob.of(s.resource().get()).matches(r.arn())) {
      return false;
    }
    if (s.account().isPresent() && !s.account().get().equals(r.accountId())) {
      return false;
    }
    if (s.region().isPresent() && !s.region().get().equals(r.region())) {
      return false;
    }
    for (Map.Entry<String, String> tag : s.tags().entrySet()) {
      if (!tag.getValue().equals(f.properties().get(TAG_PREFIX + tag.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The suppression as a resource: its identity is what it matches (rule, pattern, scope), so the
   * fingerprint of its findings survives reordering the baseline.
   */
  static ResourceRef resource(Suppression s) {
    return new ResourceRef("suppression", describe(s), "", s.account().orElse(""), s.region().orElse("global"));
  }

  static String describe(Suppression s) {
    StringBuilder b = new StringBuilder(s.ruleId()).append(' ').append(s.resource().filter(x -> !x.isBlank()).orElse("*"));
    if (!s.tags().isEmpty()) {
      b.append(' ').append(s.tags());
    }
    return b.toString();
  }

}
