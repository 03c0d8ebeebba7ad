package io.agentfence.checks.guardrail;

import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.finding.Severity;
import java.util.List;

/** AF-GRD-005: contained deployments and runtime endpoint creation must not be denied. */
@Rule(
    id = "AF-GRD-005",
    name = "Guardrail breaks deployments",
    area = RuleArea.GUARDRAIL,
    severity = Severity.MEDIUM,
    control = "VCA-5 IAM/SCP guardrail denies uncontained creation",
    summary = "Evaluates the guardrail on a VPC create with only approved subnets and security groups and on"
        + " CreateAgentRuntimeEndpoint, which never carries the network keys.",
    rationale = "A Null:true deny that lists CreateAgentRuntimeEndpoint (or bedrock-agentcore:Create*) always fires"
        + " for it; since the CreateAgentRuntime operation also authorizes CreateAgentRuntimeEndpoint, it may break"
        + " every runtime creation, and teams then disable the guardrail.",
    remediationConsole = "Edit the guardrail: list exactly CreateAgentRuntime, UpdateAgentRuntime, CreateBrowser and"
        + " CreateCodeInterpreter in the Null statements (no CreateAgentRuntimeEndpoint, no Create*).",
    remediationCli = "agentfence guardrail check --policy guardrail.json --baseline agentfence.yaml, then aws iam"
        + " create-policy-version --policy-arn <arn> --policy-document file://guardrail.json --set-as-default",
    remediationTerraform = "actions = [\"bedrock-agentcore:CreateAgentRuntime\", \"bedrock-agentcore:UpdateAgentRuntime\","
        + " \"bedrock-agentcore:CreateBrowser\", \"bedrock-agentcore:CreateCodeInterpreter\"] in the Null statements.",
    references = {
        "https://docs.aws.amazon.com/service-authorization/latest/reference/list_bedrock-agentcore.html",
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/security-vpc-condition.html"})
public final class GuardrailBreaksDeploymentsCheck extends ScenarioRule {
  @Override
  List<String> scenarioIds() {
    return List.of(Scenarios.APPROVED_VPC_CREATE, Scenarios.ENDPOINT_CREATE);
  }

  @Override
  String passMessage() {
    return "lets contained VPC creates and runtime endpoint creation through";
  }

  @Override
  String remark(List<ScenarioOutcome> all) {
    String endpoint = all.stream()
        .anyMatch(o -> o.scenario().id().equals(Scenarios.ENDPOINT_CREATE) && o.decision().denied())
        ? " Because the CreateAgentRuntime operation also authorizes bedrock-agentcore:CreateAgentRuntimeEndpoint,"
            + " this may break every runtime creation (which keys accompany that authorization is undocumented)."
        : "";
    return endpoint + all.stream()
        .filter(o -> o.scenario().id().equals(Scenarios.UPDATE_WITHOUT_NETWORK) && o.decision().denied())
        .findFirst()
        .map(o -> " Cost by design: UpdateAgentRuntime calls that omit networkConfiguration are denied by "
            + o.decision().deniedBy().get().label() + ", so deployment pipelines must resend the VPC configuration.")
        .orElse("");
  }
}
