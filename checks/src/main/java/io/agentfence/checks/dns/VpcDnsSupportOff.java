package io.agentfence.checks.dns;

import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.BaseCheck;
import io.agentfence.checks.support.Refs;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.Vpc;
import java.util.ArrayList;
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
public final class VpcDnsSupportOff extends BaseCheck {
  @Override
  public List<Finding> evaluate(CheckContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (VpcScope.ScopedVpc sv : VpcScope.vpcs(ctx)) {
      var ref = Refs.vpc(sv.accountId(), sv.region(), sv.vpcId());
      Optional<Vpc> vpc = VpcLookup.find(ctx, sv);
      if (vpc.isEmpty()) {
        out.add(unknown(ref, VpcLookup.missing(ctx, sv), List.of(EvidenceLink.of("vpc", sv.vpcId(), "not in inventory"))));
        continue;
      }
      Optional<Boolean> on = vpc.get().enableDnsSupport();
      if (on.isEmpty()) {
        out.add(unknown(ref, "enableDnsSupport of " + sv.vpcId() + " was not read (DescribeVpcAttribute)",
            List.of(EvidenceLink.of("vpc", sv.vpcId(), "enableDnsSupport unknown"))));
      } else if (on.get()) {
        out.add(pass(ref, sv.vpcId() + " has DNS support enabled",
            List.of(EvidenceLink.of("vpc", sv.vpcId(), "enableDnsSupport true"))));
      } else {
        out.add(fail(ref, sv.vpcId() + " has enableDnsSupport false: the Amazon resolver does not answer there",
            List.of(EvidenceLink.of("vpc", sv.vpcId(), "enableDnsSupport false"))));
      }
    }
    return out;
  }
}
