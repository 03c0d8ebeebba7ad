package io.agentfence.checks.guardrail;

import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.finding.Severity;
import java.util.List;

/** AF-GRD-002: the guardrail must deny requests that carry no network keys (PUBLIC / SANDBOX). */
@Rule(
    id = "AF-GRD-002",
    name = "Guardrail does not stop PUBLIC mode",
    area = RuleArea.GUARDRAIL,
    severity = Severity.CRITICAL,
    control = "VCA-5 IAM/SCP guardrail denies uncontained creation",
    summary = "Evaluates the guardrail on a PUBLIC-mode CreateAgentRuntime, a SANDBOX CreateCodeInterpreter and an"
        + " UpdateAgentRuntime switching to PUBLIC (none carries bedrock-agentcore:subnets/securityGroups).",
    rationale = "ForAnyValue:StringNotEquals is false when the key is absent, so AWS's own 'specific subnets' example"
        + " lets PUBLIC runtimes through unless separate Null:true deny statements accompany it; a PUBLIC runtime"
        + " bypasses the inspection gateway entirely.",
    remediationConsole = "IAM (or Organizations > Policies) > the guardrail policy > Edit: add two Deny statements on"
        + " CreateAgentRuntime, UpdateAgentRuntime, CreateBrowser, CreateCodeInterpreter with Resource \"*\" and"
        + " Condition {\"Null\": {\"bedrock-agentcore:subnets\": \"true\"}} and, separately, {\"Null\":"
        + " {\"bedrock-agentcore:securityGroups\": \"true\"}}.",
    remediationCli = "aws iam create-policy-version --policy-arn <arn> --policy-document file://guardrail.json"
        + " --set-as-default (check it first: agentfence guardrail check --policy guardrail.json --baseline agentfence.yaml)",
    remediationTerraform = "In the aws_iam_policy_document: add statement { sid = \"DenyNoSubnets\" effect = \"Deny\""
        + " actions = [the four actions] resources = [\"*\"] condition { test = \"Null\" variable ="
        + " \"bedrock-agentcore:subnets\" values = [\"true\"] } } and the same for securityGroups.",
    references = {
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/security-vpc-condition.html",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html",
        "https://raw.githubusercontent.com/aws/agent-toolkit-for-aws/main/skills/core-skills/aws-iam/references/common-pitfalls.md"})
public final class GuardrailAllowsPublicModeCheck extends ScenarioRule {
  @Override
  List<String> scenarioIds() {
    return List.of(Scenarios.PUBLIC_CREATE, Scenarios.SANDBOX_CODE_INTERPRETER, Scenarios.UPDATE_TO_PUBLIC);
  }

  @Override
  String passMessage() {
    return "denies PUBLIC-mode runtime creation, SANDBOX code interpreters and updates switching to PUBLIC";
  }
}
