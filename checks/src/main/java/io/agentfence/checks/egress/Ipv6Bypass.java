package io.agentfence.checks.egress;

import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.Cidr;
import io.agentfence.checks.support.SubnetPathCheck;
import io.agentfence.checks.support.SubnetPaths.Path;
import io.agentfence.checks.support.Verdict;
import io.agentfence.finding.Severity;

/**
 * The IPv6 default route (::/0) must not leave around the inspection gateway, typically through
 * an egress-only or internet gateway. Inspection designs often cover IPv4 only.
 */
@Rule(
    id = "AF-EGR-002",
    name = "IPv6 default route bypasses inspection",
    area = RuleArea.EGRESS,
    severity = Severity.HIGH,
    control = "VCA-2 the only way out is the inspection gateway",
    summary = "::/0 in the effective route table of every runtime/tool subnet is absent or reaches an inspection"
        + " target; it never goes to an egress-only or internet gateway.",
    rationale = "An egress-only internet gateway gives every IPv6-capable address direct outbound internet access:"
        + " a dual-stack subnet leaks around an IPv4-only inspection path.",
    remediationConsole = "VPC console > Route tables > Edit routes: delete ::/0 → eigw-/igw- or point it at the"
        + " inspection endpoint.",
    remediationCli = "aws ec2 delete-route --route-table-id <rtb> --destination-ipv6-cidr-block ::/0",
    remediationTerraform = "Remove the aws_route with destination_ipv6_cidr_block = \"::/0\" and"
        + " egress_only_gateway_id, or route it to the inspection endpoint.",
    references = {
        "https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html",
        "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html"})
public final class Ipv6Bypass extends SubnetPathCheck {
  @Override
  protected Verdict judge(CheckContext ctx, Path p) {
    return DefaultRouteBypassesInspection.judgeDefault(p, Cidr.V6_DEFAULT);
  }
}
