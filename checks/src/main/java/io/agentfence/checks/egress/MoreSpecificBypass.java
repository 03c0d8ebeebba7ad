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
import io.agentfence.finding.Severity;
import io.agentfence.inventory.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Longest prefix wins: a route more specific than the default (e.g. 8.8.8.8/32 or 0.0.0.0/1) to an
 * internet, NAT, peering or non-inspection transit gateway overrides the inspected default for
 * that range. Private and special-purpose ranges (RFC 1918, ULA, ...) are not internet and pass.
 * A prefix-list route to such a target is UNKNOWN: prefix-list contents are not collected.
 */
@Rule(
    id = "AF-EGR-003",
    name = "More-specific route bypasses inspection",
    area = RuleArea.EGRESS,
    severity = Severity.HIGH,
    control = "VCA-2 the only way out is the inspection gateway",
    summary = "No public IPv4/IPv6 prefix in a runtime/tool subnet's route table goes to an internet, egress-only,"
        + " NAT, peering or non-inspection transit gateway.",
    rationale = "A single /32 to an internet gateway is an exfiltration channel the inspection gateway never sees,"
        + " and it is easy to miss when only the default route is reviewed.",
    remediationConsole = "VPC console > Route tables > Edit routes: delete the more-specific public route or point"
        + " it at the inspection target.",
    remediationCli = "aws ec2 delete-route --route-table-id <rtb> --destination-cidr-block <prefix>",
    remediationTerraform = "Remove the aws_route for the public prefix, or set its vpc_endpoint_id /"
        + " transit_gateway_id to the inspection target.",
    references = {
        "https://docs.aws.amazon.com/vpc/latest/userguide/how-route-tables-work.html",
        "https://www.rfc-editor.org/rfc/rfc6890"})
public final class MoreSpecificBypass extends SubnetPathCheck {

  @Override
  protected Verdict judge(CheckContext ctx, Path p) {
    List<Verdict> parts = new ArrayList<>();
    for (Route r : p.table().routes()) {
      if (!Routes.isActive(r) || !Targets.BYPASS_KINDS.contains(r.target().kind()) || p.isInspection(r)) {
        continue;
      }
      String target = Targets.describe(r.target()) + " " + r.target().id();
      if (r.destinationPrefixListId().isPresent()) {
        parts.add(Verdict.unknown("prefix list " + r.destination() + " goes to " + target
            + "; its contents are not collected", p.through(r, Targets.describe(r.target()))));
        continue;
      }
      Optional<Cidr> c = Routes.cidrOf(r);
      if (c.isEmpty()) {
        parts.add(Verdict.unknown("route destination '" + r.destination() + "' is not a CIDR",
            p.through(r, Targets.describe(r.target()))));
      } else if (!c.get().isDefault() && c.get().isPublic()) {
        parts.add(Verdict.fail("public prefix " + r.destination() + " goes from subnet " + p.subnetId() + " via "
            + p.table().id() + " to " + target + ", around the inspection gateway",
            p.through(r, Targets.describe(r.target()) + ", not the inspection target")));
      }
    }
    if (parts.isEmpty()) {
      return Verdict.pass("no public prefix in " + p.table().id() + " bypasses inspection", p.chain());
    }
    return Verdict.combine(parts);
  }
}
