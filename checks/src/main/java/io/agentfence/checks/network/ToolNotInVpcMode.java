package io.agentfence.checks.network;

import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.BaseCheck;
import io.agentfence.checks.support.Workload;
import io.agentfence.checks.support.Workloads;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.ResourceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Custom browsers and code interpreters must be in VPC mode: a PUBLIC browser, and a PUBLIC or
 * SANDBOX code interpreter, run outside the customer VPC. Their network configuration is fixed
 * at creation (no Update API), so the fix is to recreate them.
 */
@Rule(
    id = "AF-NET-002",
    name = "Browser or code interpreter not in VPC mode",
    area = RuleArea.NETWORK_MODE,
    severity = Severity.HIGH,
    control = "VCA-1 built-in tools run in a customer VPC",
    summary = "A custom Browser or Code Interpreter's networkMode is exactly VPC (not PUBLIC, not SANDBOX).",
    rationale = "Tools execute agent-chosen code and URLs. In PUBLIC mode they reach the internet directly;"
        + " a SANDBOX code interpreter still reaches AWS services such as S3 outside your VPC, an exfiltration"
        + " path no inspection gateway sees.",
    remediationConsole = "Bedrock AgentCore console > Built-in tools: create a new browser/code interpreter with"
        + " network mode VPC in the landing zone, point agents at it, delete the old one.",
    remediationCli = "aws bedrock-agentcore-control create-code-interpreter --name <n> --network-configuration"
        + " '{\"networkMode\":\"VPC\",\"vpcConfig\":{\"subnets\":[\"subnet-…\"],\"securityGroups\":[\"sg-…\"]}}'"
        + " && aws bedrock-agentcore-control delete-code-interpreter --code-interpreter-id <old>",
    remediationTerraform = "resource \"aws_bedrockagentcore_code_interpreter\" { network_configuration {"
        + " network_mode = \"VPC\" vpc_config { subnets = [...] security_groups = [...] } } }",
    references = {
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/code-interpreter-resource-management.html",
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html"})
public final class ToolNotInVpcMode extends BaseCheck {

  @Override
  public List<Finding> evaluate(CheckContext ctx) {
    List<Finding> out = new ArrayList<>(unreadScopes(ctx, ResourceKind.BROWSERS, "browsers"));
    out.addAll(unreadScopes(ctx, ResourceKind.CODE_INTERPRETERS, "code-interpreters"));
    for (Workload w : Workloads.all(ctx.snapshot())) {
      if (!w.kind().equals("runtime")) {
        out.add(ModeJudge.judge(this::finding, w, List.of(NetworkConfig.VPC)));
      }
    }
    return out;
  }
}
