package io.agentfence.checks.guardrail;

import io.agentfence.check.Check;
import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.IamInventory;
import io.agentfence.inventory.IamPrincipal;
import io.agentfence.inventory.ManagedPolicy;
import io.agentfence.inventory.ServiceControlPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AF-GRD-001: in every account, at least one guardrail the baseline names is in effect: its
 * managed policy exists and is attached (directly or as a permissions boundary), or its SCP is
 * attached on the account's organization path (SCPs do not apply to the management account).
 */
@Rule(
    id = "AF-GRD-001",
    name = "Guardrail missing",
    area = RuleArea.GUARDRAIL,
    severity = Severity.HIGH,
    control = "VCA-5 IAM/SCP guardrail denies uncontained creation",
    summary = "Looks for the baseline's guardrail managed policies and SCPs in each account and checks they are"
        + " attached where runtimes can be created.",
    rationale = "Without a guardrail in effect nothing prevents a principal from creating a PUBLIC runtime or one in"
        + " an uninspected subnet; the network posture then holds only until the next deployment.",
    remediationConsole = "Organizations > Policies > Service control policies > the guardrail SCP > Targets > Attach"
        + " (root or the OUs holding agent accounts); or IAM > Policies > the guardrail > Entities attached > Attach.",
    remediationCli = "aws organizations attach-policy --policy-id <p-id> --target-id <root-or-ou-id>; or aws iam"
        + " attach-role-policy --role-name <role> --policy-arn <guardrail-arn>",
    remediationTerraform = "resource \"aws_organizations_policy_attachment\" \"guardrail\" { policy_id ="
        + " aws_organizations_policy.guardrail.id target_id = <root or OU id> }",
    references = {
        "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html",
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/security-vpc-condition.html"})
public final class GuardrailMissingCheck implements Check {
  @Override
  public List<Finding> evaluate(CheckContext ctx) {
    OrgView org = OrgView.of(ctx);
    List<Finding> out = new ArrayList<>();
    for (Account account : GuardrailTargets.accounts(ctx)) {
      ResourceRef ref = new ResourceRef("account", account.id(), null, account.id(), "global");
      if (ctx.baseline().guardrail().isEmpty()) {
        // The baseline requires no named guardrail, so there is nothing to look for here (as AF-GRD-006 says
        // nothing when the baseline approves no ids). The exposure itself is still reported: AF-GRD-007 fails
        // every principal that may create uncontained resources with no guardrail reaching it.
        continue;
      }
      List<String> inEffect = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      List<EvidenceLink> evidence = new ArrayList<>();
      evidence.add(EvidenceLink.of("account", account.id(), org.describePath(account)));
      managed(ctx, account, inEffect, missing, unknown, evidence);
      scps(ctx, org, account, inEffect, missing, unknown, evidence);
      Status status = !inEffect.isEmpty() ? Status.PASS : !unknown.isEmpty() ? Status.UNKNOWN : Status.FAIL;
      String msg;
      if (status == Status.PASS) {
        msg = "Guardrail in effect in account " + account.id() + ": " + String.join("; ", inEffect) + "."
            + (missing.isEmpty() ? "" : " Not in effect: " + String.join("; ", missing) + ".");
      } else {
        List<String> all = new ArrayList<>(missing);
        all.addAll(unknown);
        msg = (status == Status.FAIL ? "No guardrail in effect in account " : "Cannot tell whether a guardrail is in effect in account ")
            + account.id() + ": " + String.join("; ", all) + ".";
      }
      out.add(GuardrailFindings.of(this, status, ref, msg, evidence, GuardrailFindings.props()));
    }
    return out;
  }

  private static void managed(CheckContext ctx, Account account, List<String> inEffect, List<String> missing,
      List<String> unknown, List<EvidenceLink> evidence) {
    List<String> names = ctx.baseline().guardrail().managedPolicies();
    if (names.isEmpty()) {
      return;
    }
    if (!GuardrailTargets.iamRead(ctx, account.id())) {
      unknown.add(GuardrailTargets.iamGap(ctx, account.id()));
      return;
    }
    IamInventory iam = ctx.snapshot().account(account.id()).orElseThrow().iam();
    for (String name : names) {
      Optional<ManagedPolicy> mp = iam.policyByName(name);
      if (mp.isEmpty()) {
        missing.add("managed policy " + name + " does not exist in the account");
        continue;
      }
      List<String> attached = new ArrayList<>();
      for (IamPrincipal p : iam.principals()) {
        if (p.attachedPolicyArns().contains(mp.get().arn())) {
          attached.add(p.type().name().toLowerCase(java.util.Locale.ROOT) + " " + p.name());
        } else if (p.permissionsBoundaryArn().filter(mp.get().arn()::equals).isPresent()) {
          attached.add(p.type().name().toLowerCase(java.util.Locale.ROOT) + " " + p.name() + " (boundary)");
        }
      }
      if (attached.isEmpty()) {
        missing.add("managed policy " + name + " exists but is attached to no user, group or role");
        evidence.add(EvidenceLink.of("managed-policy", mp.get().arn(), "attached nowhere"));
      } else {
        inEffect.add("managed policy " + name + " attached to " + String.join(", ", attached));
        evidence.add(EvidenceLink.of("managed-policy", mp.get().arn(), "attached to " + attached.size()));
      }
    }
  }

  private static void scps(CheckContext ctx, OrgView org, Account account, List<String> inEffect, List<String> missing,
      List<String> unknown, List<EvidenceLink> evidence) {
    List<String> names = ctx.baseline().guardrail().scps();
    if (names.isEmpty()) {
      return;
    }
    if (!org.read()) {
      unknown.add("Organizations data was not read, so whether SCP " + String.join(", ", names) + " applies is unknown");
      return;
    }
    for (String name : names) {
      Optional<ServiceControlPolicy> scp = org.scpByName(name);
      if (scp.isEmpty()) {
        missing.add("SCP " + name + " does not exist in the organization");
        continue;
      }
      if (org.isManagement(account.id())) {
        missing.add("SCP " + name + " cannot apply: SCPs do not affect the management account");
        continue;
      }
      Optional<Boolean> applies = org.appliesTo(scp.get(), account);
      if (applies.isEmpty()) {
        unknown.add("SCP " + name + " is attached to " + scp.get().targetIds() + " but the account's OU path is unknown");
      } else if (applies.get()) {
        inEffect.add("SCP " + name + " on " + org.describePath(account));
        evidence.add(EvidenceLink.of("scp", scp.get().id(), name + " applies"));
      } else {
        missing.add("SCP " + name + " is attached to " + String.join(", ", scp.get().targetIds())
            + ", not on the account's path " + org.describePath(account));
        evidence.add(EvidenceLink.of("scp", scp.get().id(), name + " attached elsewhere"));
      }
    }
  }
}
