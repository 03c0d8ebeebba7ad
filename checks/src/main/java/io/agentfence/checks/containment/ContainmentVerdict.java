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
import java.util.Arrays;
import java.util.HashMap;
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
    Index othersIndex = new Index(others, 0, (f, keys) -> {
      keys.add(new Key("arn", f.resource().arn(), ""));
      if (f.resource().region().equals(CoverageRecord.GLOBAL)) {
        keys.add(new Key("global", f.resource().accountId(), ""));
      }
    });
    Index coverageIndex = new Index(coverage, others.size(),
        (f, keys) -> keys.add(new Key("scope", f.resource().accountId(), f.resource().region())));
    List<Finding> out = new ArrayList<>();
    for (var located : Workloads.runtimes(ctx.snapshot())) {
      out.add(verdict(located.accountId(), located.inventory(), located.value(), coverageIndex, othersIndex));
    }
    return out;
  }

  /** An index key: the parts are strings of the findings and inventory, whose hashes Java caches. */
  private record Key(String kind, String a, String b) {}

  /**
   * Findings by key, answering in the findings' original order (evidence order must not change).
   * Each finding also gets an identity: the position of the first finding equal to it (offset so
   * that two indexes never share one), so that the verdict can merge equal findings as a map keyed
   * by the finding would, without hashing whole findings for every runtime they bear on.
   */
  private static final class Index {
    private final List<Finding> findings;
    private final int[] identity;
    private final Map<Key, List<Integer>> positions = new HashMap<>();

    Index(List<Finding> findings, int offset, java.util.function.BiConsumer<Finding, List<Key>> keys) {
      this.findings = findings;
      this.identity = new int[findings.size()];
      // Equal findings have the same rule, resource and status: only those are compared in full.
      Map<Key, List<Integer>> candidates = new HashMap<>();
      List<Key> ks = new ArrayList<>(2);
      for (int i = 0; i < findings.size(); i++) {
        Finding f = findings.get(i);
        List<Integer> same = candidates.computeIfAbsent(
            new Key(f.ruleId() + "|" + f.status(), f.resource().arn(), f.resource().id()), k -> new ArrayList<>(1));
        identity[i] = offset + i;
        for (int j : same) {
          if (findings.get(j).equals(f)) {
            identity[i] = identity[j];
            break;
          }
        }
        if (identity[i] == offset + i) {
          same.add(i);
        }
        ks.clear();
        keys.accept(findings.get(i), ks);
        for (Key k : ks) {
          positions.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        }
      }
    }

    /** Positions of the findings under any of {@code keys}, ascending, each once. */
    int[] matching(List<Key> keys) {
      int n = 0;
      List<List<Integer>> hits = new ArrayList<>(keys.size());
      for (Key k : keys) {
        List<Integer> p = positions.get(k);
        if (p != null) {
          hits.add(p);
          n += p.size();
        }
      }
      int[] at = new int[n];
      int j = 0;
      for (List<Integer> p : hits) {
        for (Integer i : p) {
          at[j++] = i;
        }
      }
      Arrays.sort(at);
      int distinct = 0;
      for (int i = 0; i < at.length; i++) {
        if (i == 0 || at[i] != at[i - 1]) {
          at[distinct++] = at[i];
        }
      }
      return Arrays.copyOf(at, distinct);
    }

    Finding finding(int position) {
      return findings.get(position);
    }

    int identity(int position) {
      return identity[position];
    }
  }

  /** A finding that bears on the runtime, with the status it contributes. */
  private record Bearing(Finding finding, Status status) {}

  private Finding verdict(String acct, RegionInventory inv, AgentRuntime rt, Index coverageIndex, Index othersIndex) {
    Set<String> arns = related(acct, inv, rt);
    List<Key> otherKeys = new ArrayList<>(arns.size() + 1);
    arns.forEach(a -> otherKeys.add(new Key("arn", a, "")));
    otherKeys.add(new Key("global", acct, ""));
    List<Key> coverageKeys = List.of(new Key("scope", acct, inv.region()), new Key("scope", acct, CoverageRecord.GLOBAL));
    // Keyed by finding identity, in first-insertion order: equal findings merge into one entry.
    Map<Integer, Bearing> bearing = new LinkedHashMap<>();
    for (int i : othersIndex.matching(otherKeys)) {
      Finding f = othersIndex.finding(i);
      boolean accountWide = f.resource().accountId().equals(acct) && f.resource().region().equals(CoverageRecord.GLOBAL);
      if (arns.contains(f.resource().arn()) || accountWide) {
        put(bearing, othersIndex.identity(i), f, f.status());
      }
    }
    for (int i : coverageIndex.matching(coverageKeys)) {
      Finding f = coverageIndex.finding(i);
      boolean scope = f.resource().accountId().equals(acct)
          && (f.resource().region().equals(inv.region()) || f.resource().region().equals(CoverageRecord.GLOBAL));
      if (scope && f.status() != Status.PASS) {
        put(bearing, coverageIndex.identity(i), f, Status.UNKNOWN);
      }
    }
    boolean anyFail = false;
    boolean anyUnknown = false;
    for (Bearing x : bearing.values()) {
      anyFail |= x.status() == Status.FAIL;
      anyUnknown |= x.status() == Status.UNKNOWN;
    }
    Status verdict = anyFail ? Status.FAIL : anyUnknown ? Status.UNKNOWN : Status.PASS;
    List<EvidenceLink> ev = new ArrayList<>();
    ev.add(EvidenceLink.of("runtime", rt.id(), rt.name()));
    TreeSet<String> failed = new TreeSet<>();
    TreeSet<String> unknown = new TreeSet<>();
    for (Bearing x : bearing.values()) {
      Finding f = x.finding();
      Status s = x.status();
      if (s == Status.PASS) {
        continue;
      }
      (s == Status.FAIL ? failed : unknown).add(f.ruleId());
      ev.add(EvidenceLink.of("rule", f.ruleId(), s + " on " + f.resource().kind() + " " + f.resource().id()
          + ": " + brokenLink(f)));
    }
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

  /** As {@code Map<Finding, Status>.put}: the first finding stays the key, the last status wins. */
  private static void put(Map<Integer, Bearing> bearing, int identity, Finding f, Status status) {
    Bearing before = bearing.get(identity);
    bearing.put(identity, new Bearing(before == null ? f : before.finding(), status));
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
