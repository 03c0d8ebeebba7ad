package io.agentfence.checks.dns;

import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.Scopes;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.DhcpOptions;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.Vpc;
import java.util.List;
import java.util.Optional;

/**
 * The VPC's DHCP options must hand out exactly {@code AmazonProvidedDNS}. The DHCP options id
 * {@code default} means no options set is associated, and AWS then provides AmazonProvidedDNS.
 */
@Rule(
    id = "AF-DNS-001",
    name = "DNS resolver not AWS-provided",
    area = RuleArea.DNS,
    severity = Severity.HIGH,
    control = "VCA-3 agents resolve names only through the VPC resolver",
    summary = "domain-name-servers of the VPC's DHCP options is exactly [AmazonProvidedDNS].",
    rationale = "The containment design denies DNS to anything but the VPC resolver (Route 53 Resolver DNS Firewall"
        + " applies there). A custom resolver is a DNS tunnelling channel and escapes resolver-level filtering.",
    remediationConsole = "VPC console > Your VPCs > Actions > Edit VPC settings > DHCP option set: choose one whose"
        + " domain-name-servers is AmazonProvidedDNS (or 'No DHCP option set').",
    remediationCli = "aws ec2 create-dhcp-options --dhcp-configurations Key=domain-name-servers,Values=AmazonProvidedDNS"
        + " && aws ec2 associate-dhcp-options --vpc-id <vpc> --dhcp-options-id <dopt>",
    remediationTerraform = "resource \"aws_vpc_dhcp_options\" \"this\" { domain_name_servers = [\"AmazonProvidedDNS\"] }",
    references = {
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDhcpOptions.html",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateDhcpOptions.html",
        "https://docs.aws.amazon.com/vpc/latest/userguide/DHCPOptionSet.html"})
public final class ResolverNotAmazonProvided extends ScopedVpcCheck {
  static final String AMAZON = "AmazonProvidedDNS";

  @Override
  Finding judge(CheckContext ctx, VpcScope.ScopedVpc sv, Vpc vpc, ResourceRef ref) {
    String dopt = vpc.dhcpOptionsId();
    if (dopt.equals("default")) {
      return pass(ref, sv.vpcId() + " has no DHCP options set: AWS provides AmazonProvidedDNS",
          List.of(EvidenceLink.of("vpc", sv.vpcId()), EvidenceLink.of("dhcp-options", "default", AMAZON)));
    }
    Optional<String> unread = Scopes.unread(ctx, sv.accountId(), sv.region(), ResourceKind.DHCP_OPTIONS);
    RegionInventory inv = VpcLookup.region(ctx, sv).orElseThrow();
    Optional<DhcpOptions> d = inv.dhcpOptionsSet(dopt);
    if (d.isEmpty()) {
      return unknown(ref, "DHCP options " + dopt + " of " + sv.vpcId() + " are unknown: "
          + unread.orElse("the set is not in the inventory"),
          List.of(EvidenceLink.of("vpc", sv.vpcId()), EvidenceLink.of("dhcp-options", dopt, "not in inventory")));
    }
    List<String> servers = d.get().domainNameServers();
    List<EvidenceLink> ev = List.of(EvidenceLink.of("vpc", sv.vpcId()),
        EvidenceLink.of("dhcp-options", dopt, "domain-name-servers " + servers));
    if (servers.equals(List.of(AMAZON))) {
      return pass(ref, sv.vpcId() + " uses AmazonProvidedDNS", ev);
    }
    return fail(ref, sv.vpcId() + " hands out DNS servers " + (servers.isEmpty() ? "[] (none)" : servers)
        + " through DHCP options " + dopt + ", not exactly [AmazonProvidedDNS]", ev);
  }
}
