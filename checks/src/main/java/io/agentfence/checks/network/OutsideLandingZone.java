package io.agentfence.checks.network;

import io.agentfence.baseline.LandingZone;
import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.BaseCheck;
import io.agentfence.checks.support.Scopes;
import io.agentfence.checks.support.Verdict;
import io.agentfence.checks.support.Workload;
import io.agentfence.checks.support.Workloads;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A runtime or tool must sit in an account and region a landing zone covers and, in VPC mode, in
 * that zone's VPC. The VPC of each subnet comes from the inventory's subnets; a subnet that is not
 * there leaves the verdict UNKNOWN. Workloads not in VPC mode are judged on account and region
 * only (their mode is AF-NET-001/002's finding).
 */
@Rule(
    id = "AF-NET-005",
    name = "Runtime or tool outside every landing zone",
    area = RuleArea.NETWORK_MODE,
    severity = Severity.HIGH,
    control = "VCA-1 agents run only in an approved landing zone",
    summary = "The workload's account and region are covered by a landing zone, and its subnets are in that"
        + " zone's VPC.",
    rationale = "A landing zone is where the inspection gateway, the DNS policy and the PrivateLink endpoints"
        + " exist. An agent in another account, region or VPC has none of them, however well it is configured.",
    remediationConsole = "Redeploy the runtime or tool into the landing-zone VPC of an approved account and region,"
        + " or add the account/region/VPC to the baseline once it has been built to the VCA.",
    remediationCli = "aws bedrock-agentcore-control update-agent-runtime --agent-runtime-id <id> ..."
        + " --network-configuration '{\"networkMode\":\"VPC\",\"networkModeConfig\":{\"subnets\":[<landing-zone"
        + " subnets>],\"securityGroups\":[<approved>]}}'",
    remediationTerraform = "Deploy agents with the landing-zone module's outputs: network_mode_config { subnets ="
        + " module.landing_zone.agent_subnet_ids }",
    references = {
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html"})
public final class OutsideLandingZone extends BaseCheck {

  @Override
  public List<Finding> evaluate(CheckContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Workload w : Workloads.all(ctx.snapshot())) {
      String where = w.accountId() + "/" + w.region();
      List<LandingZone> zones = ctx.baseline().zonesFor(w.accountId(), w.region());
      if (zones.isEmpty()) {
        out.add(fail(w.ref(), w.kind() + " " + w.id() + " is in " + where + ", which no landing zone covers",
            List.of(w.link(), EvidenceLink.of("scope", where, "no landing zone covers it"))));
      } else if (w.network().isEmpty()) {
        out.add(unknown(w.ref(), "the network configuration of " + w.kind() + " " + w.id() + " was not read",
            List.of(w.link())));
      } else if (w.isVpc()) {
        List<Verdict> parts = new ArrayList<>();
        for (String subnetId : w.vpcSubnets()) {
          parts.add(judgeSubnet(ctx, w, subnetId, zones));
        }
        if (!parts.isEmpty()) {
          Verdict v = Verdict.combine(parts);
          out.add(finding(v.status(), w.ref(), w.kind() + " " + w.id() + ": " + v.message(), v.evidence()));
        }
      }
    }
    return out;
  }

  private static Verdict judgeSubnet(CheckContext ctx, Workload w, String subnetId, List<LandingZone> zones) {
    Optional<Subnet> s = w.inventory().subnet(subnetId);
    if (s.isEmpty()) {
      String why = Scopes.unread(ctx, w.accountId(), w.region(), ResourceKind.SUBNETS)
          .orElse("subnet " + subnetId + " is not in the inventory of " + w.accountId() + "/" + w.region()
              + " (shared from another account, or deleted)");
      return Verdict.unknown("the VPC of subnet " + subnetId + " is unknown: " + why,
          List.of(w.link(), EvidenceLink.of("subnet", subnetId, "not in inventory")));
    }
    String vpc = s.get().vpcId();
    List<EvidenceLink> ev = List.of(w.link(), EvidenceLink.of("subnet", subnetId), EvidenceLink.of("vpc", vpc,
        zones.stream().anyMatch(z -> z.vpcId().equals(vpc)) ? "landing-zone VPC" : "not a landing-zone VPC"));
    Optional<LandingZone> zone = ctx.baseline().zoneFor(w.accountId(), w.region(), vpc);
    if (zone.isPresent()) {
      return Verdict.pass("subnets are in landing zone " + zone.get().name(), ev);
    }
    return Verdict.fail("subnet " + subnetId + " is in " + vpc + ", not in the landing-zone VPC ("
        + String.join(", ", zones.stream().map(z -> z.vpcId() + " of " + z.name()).toList()) + ")", ev);
  }
}
