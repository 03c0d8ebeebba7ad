package io.agentfence.checks.containment;

import io.agentfence.check.CompositeCheck;
import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.coverage.ScanCoverageIncomplete;
import io.agentfence.checks.support.BaseCheck;
import io.agentfence.checks.support.Refs;
import io.agentfence.checks.support.Workloads;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.RegionInventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One verdict per runtime over every other rule of the catalogue. A finding bears on a runtime when
 * it is about the runtime itself, one of its endpoints, a VPC its subnets are in, or its account as
 * a whole (region {@code global}: IAM/SCP guardrails). FAIL if any of those fails; UNKNOWN if none
 * fails but one is unknown, or the coverage of the runtime's account/region is incomplete; else
 * PASS. The evidence lists each broken link with its rule id.
 */
@Rule(
    id = "AF-CNT-001",
    name = "Runtime containment verdict",
    area = RuleArea.CONTAINMENT,
    severity = Severity.HIGH,
    control = "VCA all controls: the runtime is contained end to end",
    summary = "Every rule that bears on the runtime (network mode, subnets, egress path, DNS, PrivateLink,"
        + " guardrail) passes.",
    rationale = "Containment is a chain: one broken link is enough for an agent to get out. This verdict names the"
        + " runtime and every link that is broken or could not be verified.",
    remediationConsole = "Fix each rule listed in the evidence; the verdict turns PASS when all of them pass.",
    remediationCli = "agentfence scan --format table   # lists the failing rules per runtime",
    remediationTerraform = "Deploy runtimes only through the landing-zone module (VPC mode, approved subnets and"
        + " security groups, inspected routes, AgentCore endpoints, guardrail policy).",
    references = {
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html",
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/security-vpc-condition.html"})
public final class ContainmentVerdict extends BaseCheck implements CompositeCheck {

  /**
   * @param prior the other rules' findings, as {@link io.agentfence.check.CheckRunner} produced
   *     them (catalogue order): the verdict judges them rather than running the rules again
   */
  @Override
  public List<Finding> evaluate(CheckContext ctx, List<Finding> prior) {
    List<Finding> coverage = new ArrayList<>();
    List<Finding> others = new ArrayList<>();
    for (Finding f : prior) {
      (f.ruleId().equals(ScanCoverageIncomplete.ID) ? coverage : others).add(f);
    }
    // Indexes instead of a scan of every finding per runtime: that scan made the verdict
    // quadratic in the organization's size (minutes at 6,000 runtimes, hours at 100,000).
    Index othersIndex = new Index(others, f -> List.of("arn|" + f.resource().arn(),
        f.resource().region().equals(CoverageRecord.GLOBAL) ? "global|" + f.resource().accountId() : ""));
    Index coverageIndex = new Index(coverage, f -> List.of("scope|" + f.resource().accountId() + "|" + f.resource().region()));
    List<Finding> out = new ArrayList<>();
    for (var located : Workloads.runtimes(ctx.snapshot())) {
      out.add(verdict(located.accountId(), located.inventory(), located.value(), coverageIndex, othersIndex));
    }
    return out;
  }

  /** Findings by key, answering in the findings' original order (evidence order must not change). */
  private static final class Index {
    private final List<Finding> findings;
    private final Map<String, List<Integer>> positions = new java.util.HashMap<>();

    Index(List<Finding> findings, java.util.function.Function<Finding, List<String>> keys) {
      this.findings = findings;
      for (int i = 0; i < findings.size(); i++) {
        for (String k : keys.apply(findings.get(i))) {
          if (!k.isEmpty()) {
            positions.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
          }
        }
      }
    }

    List<Finding> matching(Iterable<String> keys) {
      TreeSet<Integer> at = new TreeSet<>();
      for (String k : keys) {
        at.addAll(positions.getOrDefault(k, List.of()));
      }
      List<Finding> out = new ArrayList<>(at.size());
      at.forEach(i -> out.add(findings.get(i)));
      return out;
    }
  }

  private Finding verdict(String acct, RegionInventory inv, AgentRuntime rt, Index coverageIndex, Index othersIndex) {
    Set<String> arns = related(acct, inv, rt);
    List<String> otherKeys = new ArrayList<>();
    arns.forEach(a -> otherKeys.add("arn|" + a));
    otherKeys.add("global|" + acct);
    List<Finding> others = othersIndex.matching(otherKeys);
    List<Finding> coverage = coverageIndex.matching(
        List.of("scope|" + acct + "|" + inv.region(), "scope|" + acct + "|" + CoverageRecord.GLOBAL));
    Map<Finding, Status> bearing = new LinkedHashMap<>();
    for (Finding f : others) {
      boolean accountWide = f.resource().accountId().equals(acct) && f.resource().region().equals(CoverageRecord.GLOBAL);
      if (arns.contains(f.resource().arn()) || accountWide) {
        bearing.put(f, f.status());
      }
    }
    for (Finding f : coverage) {
      boolean scope = f.resource().accountId().equals(acct)
          && (f.resource().region().equals(inv.region()) || f.resource().region().equals(CoverageRecord.GLOBAL));
      if (scope && f.status() != Status.PASS) {
        bearing.put(f, Status.UNKNOWN);
      }
    }
    Status verdict = bearing.containsValue(Status.FAIL) ? Status.FAIL
        : bearing.containsValue(Status.UNKNOWN) ? Status.UNKNOWN : Status.PASS;
    List<EvidenceLink> ev = new ArrayList<>();
    ev.add(EvidenceLink.of("runtime", rt.id(), rt.name()));
    TreeSet<String> failed = new TreeSet<>();
    TreeSet<String> unknown = new TreeSet<>();
    bearing.forEach((f, s) -> {
      if (s == Status.PASS) {
        return;
      }
      (s == Status.FAIL ? failed : unknown).add(f.ruleId());
      ev.add(EvidenceLink.of("rule", f.ruleId(), s + " on " + f.resource().kind() + " " + f.resource().id()
          + ": " + brokenLink(f)));
    });
    String msg;
    if (verdict == Status.FAIL) {
      msg = "runtime " + rt.id() + " is not contained: " + failed.size() + " rule(s) fail (" + String.join(", ", failed)
          + ")" + (unknown.isEmpty() ? "" : " and " + unknown.size() + " could not be verified (" + String.join(", ", unknown) + ")");
    } else if (verdict == Status.UNKNOWN) {
      msg = "containment of runtime " + rt.id() + " cannot be verified: " + String.join(", ", unknown) + " unknown";
    } else {
      msg = "runtime " + rt.id() + " is contained: all " + bearing.size() + " bearing findings pass";
    }
    return finding(verdict, Workloads.runtime(acct, inv, rt).ref(), msg, ev,
        Map.of("failedRules", String.join(",", failed), "unknownRules", String.join(",", unknown)));
  }

  /** The ARNs of things whose findings bear on the runtime: itself, its endpoints, its VPCs. */
  private static Set<String> related(String acct, RegionInventory inv, AgentRuntime rt) {
    Set<String> arns = new LinkedHashSet<>();
    arns.add(rt.arn());
    rt.endpoints().forEach(e -> arns.add(Refs.endpoint(rt, e, acct, inv.region()).arn()));
    rt.latestNetwork().filter(NetworkConfig::isVpc).ifPresent(n -> n.subnets().forEach(s ->
        inv.subnet(s).ifPresent(sub -> arns.add(Refs.vpc(acct, inv.region(), sub.vpcId()).arn()))));
    return arns;
  }

  /**
   * The link of a contributing finding that is broken: the last link of its own chain (e.g.
   * {@code target nat-1 (NAT gateway, not the inspection target)}). The finding itself is reported
   * in full elsewhere; repeating its whole message here made verdicts unreadable.
   */
  private static String brokenLink(Finding f) {
    if (!f.evidence().isEmpty()) {
      return f.evidence().get(f.evidence().size() - 1).render();
    }
    String m = f.message();
    return m.length() <= 160 ? m : m.substring(0, 157) + "...";
  }
}
