package io.agentfence.checks.guardrail;

import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AF-GRD-006: the subnets and security groups the guardrail lets through must be exactly the
 * baseline's approved set. Evaluated per id (baseline ids, ids in the snapshot, ids written in
 * the guardrail, and a foreign id), not read from the policy text.
 */
@Rule(
    id = "AF-GRD-006",
    name = "Guardrail approved set differs from the baseline",
    area = RuleArea.GUARDRAIL,
    severity = Severity.MEDIUM,
    control = "VCA-5 IAM/SCP guardrail denies uncontained creation",
    summary = "Evaluates a VPC create with each known subnet and security group and compares what the guardrail lets"
        + " through with the baseline's approved subnets and security groups.",
    rationale = "A guardrail that approves a retired or non-landing-zone subnet lets agents run outside inspection;"
        + " one that denies a baseline-approved id breaks contained deployments.",
    remediationConsole = "Edit the guardrail's ForAnyValue:StringNotEquals lists so they equal the baseline's"
        + " approvedSubnets and approvedSecurityGroups.",
    remediationCli = "aws iam create-policy-version --policy-arn <arn> --policy-document file://guardrail.json"
        + " --set-as-default",
    remediationTerraform = "Generate the condition values from the same variable as the landing zone:"
        + " values = var.approved_subnet_ids / var.approved_security_group_ids.",
    references = {"https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/security-vpc-condition.html"})
public final class GuardrailApprovedSetCheck extends GuardrailTargetCheck {
  @Override
  Optional<Finding> judge(GuardrailTarget t) {
    if (t.approvedSubnets().isEmpty() && t.approvedSgs().isEmpty()) {
      return Optional.empty(); // the baseline approves nothing to compare with
    }
    GuardrailAnalyzer.ApprovedSetDiff diff = GuardrailAnalyzer.approvedSet(t.set(), t.approvedSubnets(),
        t.approvedSgs(), t.candidateSubnets(), t.candidateSgs(), t.principal());
    if (diff.empty()) {
      return Optional.of(GuardrailFindings.of(this, Status.PASS, t.ref(), t.kindLabel() + " " + t.name()
          + " lets through exactly the baseline's approved subnets " + t.approvedSubnets() + " and security groups "
          + t.approvedSgs() + ".", GuardrailFindings.chain(t), GuardrailFindings.props()));
    }
    List<String> parts = new ArrayList<>();
    List<EvidenceLink> evidence = new ArrayList<>(GuardrailFindings.chain(t));
    if (!diff.unapprovedButAllowed().isEmpty()) {
      parts.add("lets through ids the baseline does not approve: " + String.join("; ", diff.unapprovedButAllowed()));
      diff.unapprovedButAllowed().forEach(id -> evidence.add(EvidenceLink.of("id", id.split(" ")[0], "not in baseline, not denied")));
    }
    if (!diff.approvedButDenied().isEmpty()) {
      parts.add("denies baseline-approved ids: " + String.join("; ", diff.approvedButDenied()));
      diff.approvedButDenied().forEach(id -> evidence.add(EvidenceLink.of("id", id.split(" ")[0], "approved, denied")));
    }
    return Optional.of(GuardrailFindings.of(this, Status.FAIL, t.ref(), t.kindLabel() + " " + t.name() + " "
        + String.join("; and ", parts) + ".", evidence, GuardrailFindings.props()));
  }
}
