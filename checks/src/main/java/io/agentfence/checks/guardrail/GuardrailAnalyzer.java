package io.agentfence.checks.guardrail;

import io.agentfence.checks.guardrail.GuardrailActions.ScenarioPrincipal;
import io.agentfence.iam.AccessRequest;
import io.agentfence.iam.Decision;
import io.agentfence.iam.Policy;
import io.agentfence.iam.PolicyEvaluator;
import io.agentfence.iam.PolicySet;
import io.agentfence.iam.ScpLevel;
import io.agentfence.iam.Statement;
import io.agentfence.iam.StatementEvaluator;
import io.agentfence.iam.StatementResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates guardrail documents on the scenarios, finds action/resource scope gaps and compares
 * what the guardrail approves with the baseline. Pure; shared by the rules and
 * {@code agentfence guardrail check}.
 */
public final class GuardrailAnalyzer {
  private GuardrailAnalyzer() {}

  /** Guardrail documents only: the principal's other permissions are assumed to allow. */
  public static PolicySet guardrailSet(List<Policy> identityPolicies, List<Policy> scps) {
    return PolicySet.guardrailOnly(identityPolicies, scps);
  }

  public static List<ScenarioOutcome> scenarios(PolicySet set, List<Scenario> scenarios) {
    List<ScenarioOutcome> out = new ArrayList<>();
    for (Scenario s : scenarios) {
      out.add(new ScenarioOutcome(s, PolicyEvaluator.evaluate(set, s.request())));
    }
    return out;
  }

  /** An uncontained request of one guarded action that gets through only because of scope. */
  public record ScopeGap(String action, String requestKind, String statement, String reason) {
    public String message() {
      return action + " with " + requestKind + " is not denied: statement " + statement
          + " would deny it, but " + reason;
    }
  }

  /**
   * For each guarded action, a request without network keys and one with a foreign subnet: when
   * not denied but the guardrail's statements would deny it were Action and Resource in scope,
   * the gap is the statement's scope (an action left out, or Resource other than "*").
   */
  public static List<ScopeGap> scopeGaps(PolicySet set, List<String> approvedSubnets, List<String> approvedSgs,
      ScenarioPrincipal p) {
    List<ScopeGap> gaps = new ArrayList<>();
    PolicySet scopeBlind = relevantOnly(set);
    String subnet = approvedSubnets.isEmpty() ? "subnet-agentfenceapproved" : approvedSubnets.get(0);
    String[] sgs = approvedSgs.isEmpty() ? new String[] {"sg-agentfenceapproved"} : approvedSgs.toArray(String[]::new);
    for (String action : GuardrailActions.GUARDED) {
      AccessRequest noKeys = GuardrailActions.request(action, p);
      AccessRequest foreign = Scenarios.vpc(action, p, new String[] {subnet, GuardrailActions.FOREIGN_SUBNET}, sgs);
      check(set, scopeBlind, noKeys, "no network keys (PUBLIC/SANDBOX)", gaps);
      check(set, scopeBlind, foreign, "a foreign subnet", gaps);
    }
    return gaps;
  }

  private static void check(PolicySet set, PolicySet scopeBlind, AccessRequest req, String kind, List<ScopeGap> gaps) {
    if (PolicyEvaluator.evaluate(set, req).denied()) {
      return;
    }
    Decision blind = PolicyEvaluator.evaluate(scopeBlind, req, true);
    if (!blind.denied() || blind.deniedBy().get().index() < 0) {
      return;
    }
    Decision.DeniedBy by = blind.deniedBy().get();
    for (Policy policy : allPolicies(set)) {
      if (!policy.source().equals(by.source())) {
        continue;
      }
      for (Statement s : policy.statements()) {
        if (s.index() == by.index()) {
          StatementResult inScope = StatementEvaluator.evaluate(policy, s, req, false);
          gaps.add(new ScopeGap(req.action(), kind, policy.source() + " " + s.label(), inScope.explanation()));
          return;
        }
      }
    }
  }

  /** Only statements that name at least one guarded action, so unrelated denies are not blamed. */
  private static PolicySet relevantOnly(PolicySet set) {
    List<Policy> identity = set.identity().stream().map(GuardrailAnalyzer::relevant).toList();
    List<ScpLevel> levels = set.scpLevels().stream()
        .map(l -> new ScpLevel(l.target(), l.policies().stream().map(GuardrailAnalyzer::relevant).toList(), true))
        .toList();
    return new PolicySet(identity, false, set.boundary().map(GuardrailAnalyzer::relevant), levels, set.scpExemption());
  }

  private static Policy relevant(Policy p) {
    List<Statement> keep = p.statements().stream()
        .filter(s -> GuardrailActions.GUARDED.stream().anyMatch(a -> StatementEvaluator.actionMatches(s, a)))
        .toList();
    return new Policy(p.source(), p.version(), keep);
  }

  private static List<Policy> allPolicies(PolicySet set) {
    List<Policy> all = new ArrayList<>(set.identity());
    set.boundary().ifPresent(all::add);
    set.scpLevels().forEach(l -> all.addAll(l.policies()));
    return all;
  }

  /** Differences between what the guardrail lets through and what the baseline approves. */
  public record ApprovedSetDiff(List<String> approvedButDenied, List<String> unapprovedButAllowed) {
    public boolean empty() {
      return approvedButDenied.isEmpty() && unapprovedButAllowed.isEmpty();
    }
  }

  /**
   * Evaluates a VPC create with each candidate subnet (with the approved security groups) and
   * each candidate security group (with the approved subnets). A baseline-approved id that is
   * denied, or an unapproved id that is not, is a difference.
   */
  public static ApprovedSetDiff approvedSet(PolicySet set, List<String> baselineSubnets, List<String> baselineSgs,
      Set<String> candidateSubnets, Set<String> candidateSgs, ScenarioPrincipal p) {
    List<String> denied = new ArrayList<>();
    List<String> allowed = new ArrayList<>();
    String[] subnets = baselineSubnets.toArray(String[]::new);
    String[] sgs = baselineSgs.toArray(String[]::new);
    Set<String> allSubnets = new LinkedHashSet<>(baselineSubnets);
    allSubnets.addAll(candidateSubnets);
    Set<String> allSgs = new LinkedHashSet<>(baselineSgs);
    allSgs.addAll(candidateSgs);
    if (sgs.length > 0) {
      for (String s : allSubnets) {
        judge(set, Scenarios.vpc(GuardrailActions.CREATE_RUNTIME, p, new String[] {s}, sgs), s,
            baselineSubnets.contains(s), denied, allowed);
      }
    }
    if (subnets.length > 0) {
      for (String g : allSgs) {
        judge(set, Scenarios.vpc(GuardrailActions.CREATE_RUNTIME, p, subnets, new String[] {g}), g,
            baselineSgs.contains(g), denied, allowed);
      }
    }
    return new ApprovedSetDiff(denied, allowed);
  }

  private static void judge(PolicySet set, AccessRequest req, String id, boolean approved, List<String> denied,
      List<String> allowed) {
    Decision d = PolicyEvaluator.evaluate(set, req);
    if (approved && d.denied()) {
      denied.add(id + " (denied by " + d.deniedBy().get().label() + ")");
    } else if (!approved && !d.denied()) {
      allowed.add(id + " (" + ScenarioOutcome.whyNotDenied(d, req.action()) + ")");
    }
  }

  /** Subnet and security-group ids written literally in the guardrail's conditions. */
  public static Set<String> literalIds(List<Policy> policies, String prefix) {
    Set<String> out = new LinkedHashSet<>();
    for (Policy p : policies) {
      for (Statement s : p.statements()) {
        s.conditions().forEach(c -> c.values().stream()
            .filter(v -> v.startsWith(prefix) && !v.contains("*") && !v.contains("?") && !v.contains("${"))
            .forEach(out::add));
      }
    }
    return out;
  }

  static Optional<String> firstNote(Decision d) {
    return d.notes().stream().findFirst();
  }
}
