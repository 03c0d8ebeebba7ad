package io.agentfence.checks.egress;

import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.Cidr;
import io.agentfence.checks.support.Routes;
import io.agentfence.checks.support.SubnetPathCheck;
import io.agentfence.checks.support.SubnetPaths.Path;
import io.agentfence.checks.support.Verdict;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A blackholed default route (its target, e.g. the inspection endpoint, was deleted) drops all
 * egress: the agent is broken, not uncontained, hence the lower severity.
 */
@Rule(
    id = "AF-EGR-005",
    name = "Default route blackholed",
    area = RuleArea.EGRESS,
    severity = Severity.LOW,
    control = "VCA-2 the inspection path is intact",
    summary = "The default route (0.0.0.0/0 or ::/0) of a runtime/tool subnet is not in state blackhole.",
    rationale = "A blackhole means the inspection target the route pointed to no longer exists. Agents fail, and"
        + " the usual 'quick fix' under pressure is a route to a NAT gateway that bypasses inspection.",
    remediationConsole = "VPC console > Route tables > Edit routes: point the default route at the current"
        + " inspection endpoint or transit gateway attachment.",
    remediationCli = "aws ec2 replace-route --route-table-id <rtb> --destination-cidr-block 0.0.0.0/0"
        + " --vpc-endpoint-id <gwlbe>",
    remediationTerraform = "Reference the inspection endpoint by resource (vpc_endpoint_id ="
        + " aws_vpc_endpoint.inspection.id) so the route follows it when it is replaced.",
    references = {
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Route.html",
        "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html"})
public final class BlackholeDefaultRoute extends SubnetPathCheck {
  @Override
  protected Verdict judge(CheckContext ctx, Path p) {
    List<Verdict> parts = new ArrayList<>();
    for (Cidr d : List.of(Cidr.V4_DEFAULT, Cidr.V6_DEFAULT)) {
      Optional<Route> r = Routes.longestMatch(p.table(), d);
      if (r.isPresent() && Routes.isBlackhole(r.get())) {
        parts.add(Verdict.fail("default route " + d + " of " + p.table().id() + " is blackholed (target "
            + r.get().target().id() + " is gone): agents in subnet " + p.subnetId() + " cannot reach anything",
            p.through(r.get(), "blackhole")));
      }
    }
    return parts.isEmpty() ? Verdict.pass("no default route of " + p.table().id() + " is blackholed", p.chain())
        : Verdict.combine(parts);
  }
}
