package io.agentfence.checks.privatelink;

import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.LandingZones;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.VpcEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each landing-zone VPC has an available interface endpoint for the AgentCore data plane
 * ({@code com.amazonaws.<region>.bedrock-agentcore}) and control plane ({@code …-control}).
 */
@Rule(
    id = "AF-PL-001",
    name = "AgentCore PrivateLink endpoint missing",
    area = RuleArea.PRIVATELINK,
    severity = Severity.MEDIUM,
    control = "VCA-4 the AgentCore API is reached through PrivateLink",
    summary = "The landing-zone VPC has available Interface endpoints for com.amazonaws.<region>.bedrock-agentcore"
        + " and com.amazonaws.<region>.bedrock-agentcore-control.",
    rationale = "Without the endpoints, calls to AgentCore from the VPC must leave through the internet path: the"
        + " gateway then has to allow the public AgentCore hostnames, and credentials travel outside the VPC.",
    remediationConsole = "VPC console > Endpoints > Create endpoint: AWS services, bedrock-agentcore and"
        + " bedrock-agentcore-control, in the landing-zone VPC and subnets, with private DNS enabled.",
    remediationCli = "aws ec2 create-vpc-endpoint --vpc-endpoint-type Interface --vpc-id <vpc> --service-name"
        + " com.amazonaws.<region>.bedrock-agentcore-control --subnet-ids <subnets> --security-group-ids <sg>"
        + " --private-dns-enabled",
    remediationTerraform = "resource \"aws_vpc_endpoint\" \"agentcore_control\" { vpc_id = var.vpc_id service_name ="
        + " \"com.amazonaws.${var.region}.bedrock-agentcore-control\" vpc_endpoint_type = \"Interface\""
        + " private_dns_enabled = true }",
    references = {
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/vpc-interface-endpoints.html"})
public final class AgentCoreEndpointMissing extends ZoneEndpointsCheck {
  @Override
  Optional<Finding> judge(
      LandingZones.ZoneVpc z, Optional<RegionInventory> inv, ResourceRef ref, List<EvidenceLink> ev) {
    List<String> missing = new ArrayList<>();
    for (String svc : AgentCoreEndpoints.services(z.region())) {
      List<VpcEndpoint> found = AgentCoreEndpoints.find(inv, z.vpcId(), svc);
      if (found.isEmpty()) {
        missing.add(svc);
        ev.add(EvidenceLink.of("service", svc, "no interface endpoint"));
      } else if (!AgentCoreEndpoints.available(found.get(0))) {
        missing.add(svc);
        ev.add(EvidenceLink.of("service", svc, "endpoint " + found.get(0).id() + " is " + found.get(0).state()));
      } else {
        ev.add(EvidenceLink.of("service", svc, "endpoint " + found.get(0).id() + " available"));
      }
    }
    if (missing.isEmpty()) {
      return Optional.of(pass(ref, z.vpcId() + " has available AgentCore data- and control-plane endpoints", ev));
    }
    return Optional.of(fail(ref, z.vpcId() + " (landing zone " + z.zone().name() + ") has no available interface"
        + " endpoint for " + String.join(" and ", missing), ev));
  }
}
