package io.agentfence.checks.network;

import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.Approvals;
import io.agentfence.checks.support.LandingZones;
import io.agentfence.checks.support.Verdict;
import io.agentfence.checks.support.Workload;
import io.agentfence.checks.support.WorkloadCheck;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.NetworkConfig;

/** Every subnet of a VPC-mode runtime, browser or code interpreter is approved by the baseline. */
@Rule(
    id = "AF-NET-003",
    name = "Subnet not approved",
    area = RuleArea.NETWORK_MODE,
    severity = Severity.HIGH,
    control = "VCA-1 agents use only the landing zone's approved subnets",
    summary = "Each subnet of a VPC-mode runtime or tool is in the approved subnets of a landing zone covering"
        + " its account and region.",
    rationale = "Only the approved subnets are known to route through the inspection gateway. Any other subnet,"
        + " even in the right VPC, may have its own route table with a direct path out.",
    remediationConsole = "Bedrock AgentCore console > Runtime > Update hosting: select only approved subnets"
        + " (tools: recreate with approved subnets).",
    remediationCli = "aws bedrock-agentcore-control update-agent-runtime --agent-runtime-id <id> ..."
        + " --network-configuration '{\"networkMode\":\"VPC\",\"networkModeConfig\":{\"subnets\":[<approved>],"
        + "\"securityGroups\":[<approved>]}}'",
    remediationTerraform = "network_mode_config { subnets = var.approved_subnet_ids }",
    references = {
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html",
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/security-vpc-condition.html"})
public final class SubnetNotApproved extends WorkloadCheck {
  @Override
  protected Verdict judge(CheckContext ctx, Workload w, NetworkConfig n) {
    return Approvals.judge(w.link(), w.accountId() + "/" + w.region(), n.subnets(),
        LandingZones.approvedSubnets(ctx.baseline(), w.accountId(), w.region()), "subnet");
  }
}
