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
 * The latest version of every runtime must be in VPC mode. The mode is compared as a string, so
 * PUBLIC and any mode newer than our SDK knows both fail: only "VPC" is known to be contained.
 */
@Rule(
    id = "AF-NET-001",
    name = "Runtime not in VPC network mode",
    area = RuleArea.NETWORK_MODE,
    severity = Severity.CRITICAL,
    control = "VCA-1 every runtime session runs in a customer VPC",
    summary = "An AgentCore Runtime's networkConfiguration.networkMode is exactly VPC.",
    rationale = "A PUBLIC-mode runtime reaches the internet from AWS-managed networking: no route table,"
        + " inspection gateway, DNS policy or security group of yours applies to it. A mode this scanner does"
        + " not know is treated the same way until proven contained.",
    remediationConsole = "Bedrock AgentCore console > Runtime > Update hosting: choose VPC, the landing-zone"
        + " VPC, its approved subnets and security groups; then move every endpoint to the new version.",
    remediationCli = "aws bedrock-agentcore-control update-agent-runtime --agent-runtime-id <id> ..."
        + " --network-configuration '{\"networkMode\":\"VPC\",\"networkModeConfig\":{\"subnets\":[\"subnet-…\"],"
        + "\"securityGroups\":[\"sg-…\"]}}'",
    remediationTerraform = "resource \"aws_bedrockagentcore_agent_runtime\" { network_configuration {"
        + " network_mode = \"VPC\" network_mode_config { subnets = [...] security_groups = [...] } } }",
    references = {
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html",
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/security-vpc-condition.html"})
public final class RuntimeNotInVpcMode extends BaseCheck {

  @Override
  public List<Finding> evaluate(CheckContext ctx) {
    List<Finding> out = new ArrayList<>(unreadScopes(ctx, ResourceKind.AGENT_RUNTIMES, "runtimes"));
    for (var located : Workloads.runtimes(ctx.snapshot())) {
      var rt = located.value();
      Workload w = Workloads.runtime(located.accountId(), located.inventory(), rt);
      if (w.network().isEmpty()) {
        out.add(unknown(w.ref(), "the network configuration of the latest version (" + rt.latestVersion()
            + ") of runtime " + rt.id() + " was not read", List.of(w.link())));
      } else {
        out.add(ModeJudge.judge(this::finding, w, List.of(NetworkConfig.VPC)));
      }
    }
    return out;
  }
}
