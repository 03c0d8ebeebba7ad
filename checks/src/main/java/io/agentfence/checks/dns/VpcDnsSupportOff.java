package io.agentfence.checks.dns;

import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.Vpc;
import java.util.List;
import java.util.Optional;

/** enableDnsSupport must be true: otherwise the VPC resolver does not answer and private DNS fails. */
@Rule(
    id = "AF-DNS-002",
    name = "VPC DNS support off",
    area = RuleArea.DNS,
    severity = Severity.MEDIUM,
    control = "VCA-3 agents resolve names only through the VPC resolver",
    summary = "The VPC attribute enableDnsSupport is true.",
    rationale = "Without DNS support the Amazon resolver does not answer and PrivateLink private DNS does not work:"
        + " agents and operators then reach for public resolvers or public endpoints, around the containment design.",
    remediationConsole = "VPC console > Your VPCs > Actions > Edit VPC settings: enable DNS resolution.",
    remediationCli = "aws ec2 modify-vpc-attribute --vpc-id <vpc> --enable-dns-support '{\"Value\":true}'",
    remediationTerraform = "resource \"aws_vpc\" \"this\" { enable_dns_support = true }",
    references = {
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcAttribute.html",
        "https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html"})
public final class VpcDnsSupportOff extends ScopedVpcCheck {
  @Override
  Finding judge(CheckContext ctx, VpcScope.ScopedVpc sv, Vpc vpc, ResourceRef ref) {
    Optional<Boolean> on = vpc.enableDnsSupport();
    if (on.isEmpty()) {
      return unknown(ref, "enableDnsSupport of " + sv.vpcId() + " was not read (DescribeVpcAttribute)",
          List.of(EvidenceLink.of("vpc", sv.vpcId(), "enableDnsSupport unknown")));
    }
    if (on.get()) {
      return pass(ref, sv.vpcId() + " has DNS support enabled",
          List.of(EvidenceLink.of("vpc", sv.vpcId(), "enableDnsSupport true")));
    }
    return fail(ref, sv.vpcId() + " has enableDnsSupport false: the Amazon resolver does not answer there",
        List.of(EvidenceLink.of("vpc", sv.vpcId(), "enableDnsSupport false")));
  }
}
