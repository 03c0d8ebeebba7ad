package io.agentfence.checks.guardrail;

import io.agentfence.baseline.LandingZone;
import io.agentfence.check.Check;
import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.guardrail.GuardrailActions.ScenarioPrincipal;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.iam.AccessRequest;
import io.agentfence.iam.Decision;
import io.agentfence.iam.PolicyEvaluator;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.IamPrincipal;
import io.agentfence.inventory.IamPrincipal.PrincipalType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * AF-GRD-007: every principal that may create or update runtimes, browsers or code interpreters
 * is covered: an uncontained request (no network keys, or a foreign subnet) of each action it may
 * perform is denied once the guardrails that reach it (identity policy, boundary, SCP on the
 * account, its OU path or the root) are taken into account.
 */
@Rule(
    id = "AF-GRD-007",
    name = "Principal can create AgentCore resources outside the guardrail",
    area = RuleArea.GUARDRAIL,
    severity = Severity.HIGH,
    control = "VCA-5 IAM/SCP guardrail denies uncontained creation",
    summary = "For each role and user, evaluates its identity policies, boundary and SCPs: if it may create or update"
        + " a runtime, browser or code interpreter, an uncontained request must be denied by a guardrail.",
    rationale = "A guardrail attached to the deployment role alone leaves every other role with"
        + " bedrock-agentcore:* free to create PUBLIC runtimes; SCPs cover every principal except the management"
        + " account and service-linked roles.",
    remediationConsole = "Attach the guardrail SCP to the root or the OU path of the account, or attach the guardrail"
        + " managed policy (or set it as permissions boundary) on the principal named in the finding.",
    remediationCli = "aws organizations attach-policy --policy-id <p-id> --target-id <ou-id>; or aws iam"
        + " put-role-permissions-boundary --role-name <role> --permissions-boundary <guardrail-arn>",
    remediationTerraform = "aws_organizations_policy_attachment for the SCP, or permissions_boundary = <guardrail arn>"
        + " on the aws_iam_role.",
    references = {
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html",
        "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html"})
public final class GuardrailCoverageCheck implements Check {
  @Override
  public List<Finding> evaluate(CheckContext ctx) {
    OrgView org = OrgView.of(ctx);
    List<Finding> out = new ArrayList<>();
    for (Account account : GuardrailTargets.accounts(ctx)) {
      ResourceRef accountRef = new ResourceRef("account", account.id(), null, account.id(), "global");
      if (!GuardrailTargets.iamRead(ctx, account.id())) {
        out.add(GuardrailFindings.of(this, Status.UNKNOWN, accountRef, GuardrailTargets.iamGap(ctx, account.id())
            + ": which principals can create AgentCore resources is unknown.",
            List.of(EvidenceLink.of("account", account.id())), GuardrailFindings.props()));
        continue;
      }
      AccountIam iam = new AccountIam(ctx.snapshot().account(account.id()).orElseThrow().iam());
      PrincipalPolicies.AccountScps scps = PrincipalPolicies.AccountScps.of(ctx, org, account);
      List<LandingZone> zones = GuardrailTargets.zonesFor(ctx.baseline(), account.id());
      String region = zones.stream().flatMap(z -> z.regions().stream()).findFirst().orElse("us-east-1");
      List<String> subnets = zones.stream().flatMap(z -> z.approvedSubnets().stream()).distinct().toList();
      List<String> sgs = zones.stream().flatMap(z -> z.approvedSecurityGroups().stream()).distinct().toList();
      int creators = 0;
      java.util.Map<PrincipalPolicies.DocumentKey, Object> parsed = new java.util.HashMap<>();
      for (IamPrincipal p : iam.inventory().principals()) {
        if (p.type() == PrincipalType.GROUP) {
          continue;
        }
        Finding f = judge(ctx, org, account, iam, p, new ScenarioPrincipal(account.id(), region, p.arn()), subnets, sgs,
            parsed, scps);
        if (f != null) {
          out.add(f);
          creators++;
        }
      }
      if (creators == 0) {
        out.add(GuardrailFindings.of(this, Status.PASS, accountRef, "No role or user in account " + account.id()
            + " may create or update AgentCore runtimes, browsers or code interpreters.",
            List.of(EvidenceLink.of("account", account.id())), GuardrailFindings.props()));
      }
    }
    return out;
  }

  private Finding judge(CheckContext ctx, OrgView org, Account account, AccountIam iam, IamPrincipal p,
      ScenarioPrincipal sp, List<String> subnets, List<String> sgs,
      java.util.Map<PrincipalPolicies.DocumentKey, Object> parsed, PrincipalPolicies.AccountScps scps) {
    PrincipalPolicies pp = PrincipalPolicies.of(ctx, org, account, iam, p, parsed, scps);
    ResourceRef ref = new ResourceRef("iam-principal", p.name(), p.arn(), account.id(), "global");
    String subnet = subnets.isEmpty() ? "subnet-agentfenceapproved" : subnets.get(0);
    String[] sgArr = sgs.isEmpty() ? new String[] {"sg-agentfenceapproved"} : sgs.toArray(String[]::new);
    // "May create" = an uncontained request (no network keys, or a foreign subnet) of the action is allowed
    // once the baseline's guardrails are set aside: an Allow that itself demands approved subnets is no gap.
    List<String> can = new ArrayList<>();
    Set<String> grants = new LinkedHashSet<>();
    java.util.Map<String, List<AccessRequest>> requests = new java.util.HashMap<>();
    for (String action : GuardrailActions.GUARDED) {
      List<AccessRequest> reqs = uncontained(action, sp, subnet, sgArr);
      requests.put(action, reqs);
      for (AccessRequest req : reqs) {
        Decision d = PolicyEvaluator.evaluate(pp.withoutGuardrail(), req);
        if (!d.denied()) {
          if (!can.contains(action)) {
            can.add(action);
          }
          d.allowedBy().forEach(r -> grants.add(r.label()));
        }
      }
    }
    if (can.isEmpty()) {
      if (pp.missing().isEmpty()) {
        return null;
      }
      return GuardrailFindings.of(this, Status.UNKNOWN, ref, p.name() + ": cannot tell whether it may create AgentCore"
          + " resources; not in the snapshot or not valid: " + String.join(", ", pp.missing()) + ".",
          List.of(EvidenceLink.of("principal", p.arn())), GuardrailFindings.props());
    }
    List<String> escapes = new ArrayList<>();
    for (String action : can) {
      List<AccessRequest> reqs = requests.get(action);
      if (!PolicyEvaluator.evaluate(pp.withGuardrail(), reqs.get(0)).denied()) {
        escapes.add(short_(action) + " without network keys (PUBLIC/SANDBOX)");
      }
      if (!PolicyEvaluator.evaluate(pp.withGuardrail(), reqs.get(1)).denied()) {
        escapes.add(short_(action) + " with a foreign subnet");
      }
    }
    List<EvidenceLink> evidence = new ArrayList<>();
    evidence.add(EvidenceLink.of("account", account.id(), org.describePath(account)));
    evidence.add(EvidenceLink.of("principal", p.arn(), "allowed by " + String.join(", ", grants)));
    pp.guardrailVia().forEach(v -> evidence.add(EvidenceLink.of("guardrail", v)));
    String allowed = p.name() + " may " + String.join(", ", can.stream().map(GuardrailCoverageCheck::short_).toList())
        + " (allowed by " + String.join(", ", grants) + ")";
    if (escapes.isEmpty()) {
      return GuardrailFindings.of(this, Status.PASS, ref, allowed + " and is covered by "
          + String.join(", ", pp.guardrailVia()) + ".", evidence, GuardrailFindings.props());
    }
    boolean scpUnknown = !org.read() && !ctx.baseline().guardrail().scps().isEmpty()
        && pp.withGuardrail().scpExemption().isEmpty();
    String notes = pp.notes().isEmpty() ? "" : " Assumed: " + String.join("; ", pp.notes()) + ".";
    if (scpUnknown) {
      return GuardrailFindings.of(this, Status.UNKNOWN, ref, allowed + "; the baseline's SCP guardrail might cover it"
          + " but Organizations data was not read." + notes, evidence, GuardrailFindings.props());
    }
    String coverage = pp.guardrailVia().isEmpty() ? "no guardrail reaches it"
        : "the guardrail reaching it (" + String.join(", ", pp.guardrailVia()) + ") does not deny it";
    evidence.add(EvidenceLink.of("escape", String.join("; ", escapes)));
    return GuardrailFindings.of(this, Status.FAIL, ref, allowed + ", and " + coverage + ": "
        + String.join("; ", escapes) + " gets through." + notes, evidence,
        GuardrailFindings.props("actions", String.join(",", can)));
  }

  /** A request without network keys, and one with an approved plus a foreign subnet. */
  private static List<AccessRequest> uncontained(String action, ScenarioPrincipal sp, String subnet, String[] sgs) {
    return List.of(GuardrailActions.request(action, sp),
        Scenarios.vpc(action, sp, new String[] {subnet, GuardrailActions.FOREIGN_SUBNET}, sgs));
  }

  private static String short_(String action) {
    return action.substring(action.indexOf(':') + 1);
  }
}
