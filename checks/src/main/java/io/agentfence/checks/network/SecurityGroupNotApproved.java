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

/** Every security group of a VPC-mode runtime, browser or code interpreter is approved. */
@Rule(
    id = "AF-NET-004",
    name = "Security group not approved",
    area = RuleArea.NETWORK_MODE,
    severity = Severity.HIGH,
    control = "VCA-1 agents use only the landing zone's approved security groups",
    summary = "Each security group of a VPC-mode runtime or tool is in the approved security groups of a landing"
        + " zone covering its account and region.",
    rationale = "The approved security groups carry the reviewed egress rules (e.g. DNS only to the VPC resolver,"
        + " HTTPS only to the endpoints and the gateway). A foreign group can open any port to any address.",
    remediationConsole = "Bedrock AgentCore console > Runtime > Update hosting: select only approved security"
        + " groups (tools: recreate).",
    remediationCli = "aws bedrock-agentcore-control update-agent-runtime --agent-runtime-id <id> ..."
        + " --network-configuration '{\"networkMode\":\"VPC\",\"networkModeConfig\":{\"subnets\":[<approved>],"
        + "\"securityGroups\":[<approved>]}}'",
    remediationTerraform = "network_mode_config { security_groups = var.approved_security_group_ids }",
    references = {
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html",
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/security-vpc-condition.html"})
public final class SecurityGroupNotApproved extends WorkloadCheck {
  @Override
  protected Verdict judge(CheckContext ctx, Workload w, NetworkConfig n) {
    return Approvals.judge(w.link(), w.accountId() + "/" + w.region(), n.securityGroups(),
        LandingZones.approvedSecurityGroups(ctx.baseline(), w.accountId(), w.region()), "security-group");
  }
}
