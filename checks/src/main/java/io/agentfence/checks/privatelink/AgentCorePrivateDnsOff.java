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
 * The AgentCore interface endpoints that exist in a landing-zone VPC have private DNS enabled.
 * Where none exists, AF-PL-001 reports it and this rule has nothing to judge.
 */
@Rule(
    id = "AF-PL-002",
    name = "AgentCore endpoint private DNS off",
    area = RuleArea.PRIVATELINK,
    severity = Severity.MEDIUM,
    control = "VCA-4 the AgentCore API is reached through PrivateLink",
    summary = "Every AgentCore interface endpoint in the landing-zone VPC has private DNS enabled.",
    rationale = "With private DNS off, SDKs resolve bedrock-agentcore(-control).<region>.amazonaws.com to the public"
        + " address and traffic goes around the endpoint, through the internet path.",
    remediationConsole = "VPC console > Endpoints > the endpoint > Actions > Modify private DNS name: enable.",
    remediationCli = "aws ec2 modify-vpc-endpoint --vpc-endpoint-id <vpce> --private-dns-enabled",
    remediationTerraform = "resource \"aws_vpc_endpoint\" \"agentcore\" { private_dns_enabled = true }",
    references = {
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/vpc-interface-endpoints.html",
        "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html"})
public final class AgentCorePrivateDnsOff extends ZoneEndpointsCheck {
  @Override
  Optional<Finding> judge(
      LandingZones.ZoneVpc z, Optional<RegionInventory> inv, ResourceRef ref, List<EvidenceLink> ev) {
    List<String> off = new ArrayList<>();
    int seen = 0;
    for (String svc : AgentCoreEndpoints.services(z.region())) {
      for (VpcEndpoint e : AgentCoreEndpoints.find(inv, z.vpcId(), svc)) {
        seen++;
        ev.add(EvidenceLink.of("vpc-endpoint", e.id(), svc + ", private DNS " + (e.privateDnsEnabled() ? "on" : "off")));
        if (!e.privateDnsEnabled()) {
          off.add(e.id() + " (" + svc + ")");
        }
      }
    }
    if (seen == 0) {
      return Optional.empty(); // no endpoint at all is AF-PL-001's finding, not this rule's
    }
    if (off.isEmpty()) {
      return Optional.of(pass(ref, "private DNS is enabled on the AgentCore endpoints of " + z.vpcId(), ev));
    }
    return Optional.of(fail(ref, "private DNS is off on " + String.join(", ", off) + ": clients in " + z.vpcId()
        + " resolve the public AgentCore address", ev));
  }
}
