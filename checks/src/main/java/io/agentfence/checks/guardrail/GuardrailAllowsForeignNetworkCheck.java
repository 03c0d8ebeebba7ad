package io.agentfence.checks.guardrail;

import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.finding.Severity;
import java.util.List;

/** AF-GRD-003: any foreign subnet or security group in a request must be denied. */
@Rule(
    id = "AF-GRD-003",
    name = "Guardrail lets foreign subnets or security groups through",
    area = RuleArea.GUARDRAIL,
    severity = Severity.HIGH,
    control = "VCA-5 IAM/SCP guardrail denies uncontained creation",
    summary = "Evaluates the guardrail on VPC creates with one approved and one foreign subnet, only foreign subnets,"
        + " and approved subnets with a foreign security group.",
    rationale = "ForAllValues:StringNotEquals fires only when every requested subnet is foreign, and a plain"
        + " StringNotEquals on the multivalued key is undocumented and reported not to match; either way one"
        + " approved subnet lets an agent place an ENI in an uninspected subnet.",
    remediationConsole = "Edit the guardrail: deny with \"ForAnyValue:StringNotEquals\" on bedrock-agentcore:subnets"
        + " (and, in its own statement, on bedrock-agentcore:securityGroups) listing the approved ids.",
    remediationCli = "aws iam create-policy-version --policy-arn <arn> --policy-document file://guardrail.json"
        + " --set-as-default",
    remediationTerraform = "condition { test = \"ForAnyValue:StringNotEquals\" variable = \"bedrock-agentcore:subnets\""
        + " values = var.approved_subnet_ids } in a Deny statement with resources = [\"*\"].",
    references = {
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/security-vpc-condition.html",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_operators.html"})
public final class GuardrailAllowsForeignNetworkCheck extends ScenarioRule {
  @Override
  List<String> scenarioIds() {
    return List.of(Scenarios.MIXED_SUBNETS, Scenarios.FOREIGN_SUBNETS, Scenarios.FOREIGN_SECURITY_GROUP_ID);
  }

  @Override
  String passMessage() {
    return "denies creates with any foreign subnet or security group";
  }
}
