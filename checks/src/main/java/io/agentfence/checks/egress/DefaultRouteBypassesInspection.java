package io.agentfence.checks.egress;

import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.Cidr;
import io.agentfence.checks.support.Routes;
import io.agentfence.checks.support.SubnetPathCheck;
import io.agentfence.checks.support.SubnetPaths.Path;
import io.agentfence.checks.support.Targets;
import io.agentfence.checks.support.Verdict;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 default route of each workload subnet's effective route table (explicit association,
 * else the VPC main table) must reach an inspection target of the landing zone. No default route
 * means no path out (PASS); a blackholed one is AF-EGR-005's concern (agent broken, not escaped).
 */
@Rule(
    id = "AF-EGR-001",
    name = "Default route bypasses inspection",
    area = RuleArea.EGRESS,
    severity = Severity.HIGH,
    control = "VCA-2 the only way out is the inspection gateway",
    summary = "0.0.0.0/0 in the effective route table of every runtime/tool subnet reaches a baseline inspection"
        + " target (ENI, instance, Gateway Load Balancer endpoint or inspection transit gateway).",
    rationale = "The inspection gateway enforces default-deny egress. A default route to a NAT or internet gateway"
        + " lets a prompt-injected agent send data anywhere.",
    remediationConsole = "VPC console > Route tables > the subnet's table > Edit routes: point 0.0.0.0/0 at the"
        + " inspection endpoint or transit gateway; associate the subnet explicitly if it uses the main table.",
    remediationCli = "aws ec2 replace-route --route-table-id <rtb> --destination-cidr-block 0.0.0.0/0"
        + " --vpc-endpoint-id <gwlbe> (or --transit-gateway-id <tgw>)",
    remediationTerraform = "resource \"aws_route\" \"default\" { route_table_id = aws_route_table.agents.id"
        + " destination_cidr_block = \"0.0.0.0/0\" vpc_endpoint_id = var.inspection_endpoint_id }",
    references = {
        "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRouteTables.html",
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html"})
public final class DefaultRouteBypassesInspection extends SubnetPathCheck {

  @Override
  protected Verdict judge(CheckContext ctx, Path p) {
    return judgeDefault(p, Cidr.V4_DEFAULT);
  }

  static Verdict judgeDefault(Path p, Cidr dflt) {
    Optional<Route> r = Routes.longestMatch(p.table(), dflt);
    if (r.isEmpty()) {
      List<EvidenceLink> ev = new ArrayList<>(p.chain());
      ev.add(EvidenceLink.of("route", dflt.text(), "none: no path to the internet"));
      return Verdict.pass("no " + dflt + " route in " + p.table().id(), ev);
    }
    Route route = r.get();
    if (Routes.isBlackhole(route)) {
      return Verdict.pass(dflt + " is blackholed (no path out; see AF-EGR-005)", p.through(route, "blackhole"));
    }
    if (p.isInspection(route)) {
      return Verdict.pass(dflt + " reaches inspection target " + route.target().id(),
          p.through(route, "inspection target"));
    }
    String targets = p.inspectionTargets().isEmpty()
        ? "no landing zone names an inspection target for " + p.table().vpcId()
        : "the inspection target is " + String.join(" or ", p.inspectionTargets());
    return Verdict.fail("subnet " + p.subnetId() + " sends " + dflt + " via " + p.table().id()
        + (p.effective().viaMain() ? " (main)" : "") + " to " + Targets.describe(route.target()) + " "
        + route.target().id() + ", not the inspection gateway; " + targets,
        p.through(route, Targets.describe(route.target()) + ", not the inspection target"));
  }
}
