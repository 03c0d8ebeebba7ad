package io.agentfence.checks.coverage;

import io.agentfence.baseline.LandingZone;
import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.BaseCheck;
import io.agentfence.checks.support.Refs;
import io.agentfence.checks.support.Scopes;
import io.agentfence.checks.support.Scopes.Scope;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.ResourceKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One finding per (account, region) and per (account, global): FAIL when any resource kind there
 * was not read (or was never attempted while others were), PASS when every kind was read.
 *
 * <p>UNKNOWN means the scope is in play (a landing zone of the baseline names it, or the account
 * was scanned) but the snapshot holds no coverage record for it at all: we cannot tell what the
 * collector attempted there, so we claim neither a gap nor completeness.
 */
@Rule(
    id = ScanCoverageIncomplete.ID,
    name = "Scan coverage incomplete",
    area = RuleArea.COVERAGE,
    severity = Severity.MEDIUM,
    control = "VCA-0 fail closed: every in-scope account, region and resource kind is read",
    summary = "Every resource kind of every in-scope account and region (and IAM per account) was read.",
    rationale = "What was not read cannot be shown contained. A denied or throttled read hides runtimes,"
        + " routes or guardrails; treating it as 'no resources' is the most common defect of posture scanners."
        + " Severity is MEDIUM so that with the default --fail-on high an incomplete scan exits 3.",
    remediationConsole = "IAM console: give the scanning role the read-only policy printed by"
        + " 'agentfence iam-policy' in every member account; enable the region if it is opt-in.",
    remediationCli = "agentfence iam-policy > scanner-policy.json && aws iam put-role-policy --role-name"
        + " AgentfenceScanner --policy-name agentfence-read --policy-document file://scanner-policy.json",
    remediationTerraform = "resource \"aws_iam_role_policy\" \"agentfence_read\" { role = aws_iam_role.agentfence.id"
        + " policy = file(\"scanner-policy.json\") }",
    references = {
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html",
        "https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html"})
public final class ScanCoverageIncomplete extends BaseCheck {
  public static final String ID = "AF-COV-001";

  @Override
  public List<Finding> evaluate(CheckContext ctx) {
    Map<Scope, Map<ResourceKind, CoverageRecord>> byScope = new TreeMap<>();
    for (CoverageRecord r : ctx.snapshot().coverage()) {
      byScope.computeIfAbsent(new Scope(r.accountId(), r.region()), k -> new EnumMap<>(ResourceKind.class))
          .merge(r.kind(), r, (a, b) -> a.status().isComplete() ? b : a);
    }
    TreeSet<Scope> scopes = new TreeSet<>(byScope.keySet());
    scopes.addAll(Scopes.regional(ctx));
    for (AccountInventory a : ctx.snapshot().accounts()) {
      scopes.add(new Scope(a.account().id(), CoverageRecord.GLOBAL));
    }
    for (LandingZone z : ctx.baseline().landingZones()) {
      for (String acct : z.accounts()) {
        if (Scopes.requested(ctx, acct, CoverageRecord.GLOBAL)) {
          scopes.add(new Scope(acct, CoverageRecord.GLOBAL));
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Scope s : scopes) {
      out.add(judge(s, byScope.getOrDefault(s, Map.of())));
    }
    return out;
  }

  private Finding judge(Scope s, Map<ResourceKind, CoverageRecord> records) {
    var ref = Refs.scope("coverage-scope", s.accountId(), s.region());
    String where = s.accountId() + "/" + s.region();
    if (records.isEmpty()) {
      return unknown(ref, "no coverage record for " + where + ": the collector never attempted it, so"
          + " nothing is known about it", List.of(EvidenceLink.of("scope", where, "no coverage record")));
    }
    List<EvidenceLink> gaps = new ArrayList<>();
    // Kinds that failed the same way are named together, the AWS message once (usually one denial).
    Map<String, List<String>> byCause = new java.util.LinkedHashMap<>();
    Map<String, EvidenceLink> errors = new java.util.LinkedHashMap<>();
    for (ResourceKind kind : expected(s, records)) {
      CoverageRecord r = records.get(kind);
      if (r == null) {
        gaps.add(EvidenceLink.of("kind", kind.name(), "not attempted: no coverage record"));
        byCause.computeIfAbsent("not attempted (no coverage record)", k -> new ArrayList<>()).add(kind.name());
      } else if (!r.status().isComplete()) {
        String code = r.errorCode().map(c -> c + r.operation().map(o -> " on " + o).orElse(""))
            .orElse(r.operation().map(o -> "on " + o).orElse(""));
        gaps.add(EvidenceLink.of("kind", kind.name(), code.isEmpty() ? r.status().name() : r.status() + " (" + code + ")"));
        r.message().ifPresent(m -> errors.putIfAbsent(r.errorCode().orElse("") + m,
            EvidenceLink.of("aws-error", r.errorCode().orElse(r.status().name()), m)));
        byCause.computeIfAbsent(r.status() + r.errorCode().map(c -> " " + c).orElse("")
            + r.message().map(m -> ": " + m).orElse(""), k -> new ArrayList<>()).add(kind.name());
      }
    }
    if (gaps.isEmpty()) {
      return pass(ref, "every resource kind in " + where + " was read", List.of(EvidenceLink.of("scope", where)));
    }
    List<EvidenceLink> ev = new ArrayList<>();
    ev.add(EvidenceLink.of("scope", where, gaps.size() + " kind(s) not read"));
    ev.addAll(gaps);
    ev.addAll(errors.values());
    List<String> causes = new ArrayList<>();
    byCause.forEach((cause, kinds) -> causes.add(String.join(", ", kinds) + " " + cause));
    return fail(ref, "scan incomplete in " + where + ": " + String.join("; ", causes)
        + ". Resources there are UNKNOWN, not absent", ev);
  }

  /** Regional scopes need every regional kind; global ones IAM, and Organizations where recorded. */
  private static List<ResourceKind> expected(Scope s, Map<ResourceKind, CoverageRecord> records) {
    List<ResourceKind> out = new ArrayList<>();
    for (ResourceKind k : ResourceKind.values()) {
      if (s.global() ? (k == ResourceKind.IAM || records.containsKey(k)) && k.global() : !k.global()) {
        out.add(k);
      }
    }
    return out;
  }
}
