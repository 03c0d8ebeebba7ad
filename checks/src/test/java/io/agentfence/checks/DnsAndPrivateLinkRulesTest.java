package io.agentfence.checks;

import static io.agentfence.checks.Lz.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.checks.dns.ResolverNotAmazonProvided;
import io.agentfence.checks.dns.VpcDnsSupportOff;
import io.agentfence.checks.privatelink.AgentCoreEndpointMissing;
import io.agentfence.checks.privatelink.AgentCorePrivateDnsOff;
import io.agentfence.finding.Finding;
import io.agentfence.fixtures.scenario.SnapshotBuilder;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.VpcEndpoint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DnsAndPrivateLinkRulesTest {
  static final String LZ_VPC = "vpc " + VPC;
  static final String OTHER_VPC = "vpc-0b0000000000000b1";

  // AF-DNS-001

  @Test
  void amazonProvidedDnsPasses() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b);
    List<Finding> f = run(new ResolverNotAmazonProvided(), b.build());
    assertThat(verdicts(f)).containsExactly("PASS " + LZ_VPC);
    assertThat(f.get(0).resource().arn()).isEqualTo("arn:aws:ec2:us-east-1:222222222222:vpc/" + VPC);
  }

  @Test
  void customResolverFailsAndDefaultOptionsPass() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).vpc(OTHER_VPC, "10.99.0.0/16", "default", true)
        .subnet(FOREIGN_SUBNET, OTHER_VPC, "10.99.1.0/24", "us-east-1a")
        .runtime("rt-other", io.agentfence.inventory.NetworkConfig.vpc(List.of(FOREIGN_SUBNET), List.of(SG)));
    SnapshotBuilder custom = new SnapshotBuilder("t");
    custom.account(ACCT).region(REGION).dhcpOptions("dopt-0c0000000000000c1", List.of("10.20.0.2", "8.8.8.8"))
        .vpc(VPC, CIDR, "dopt-0c0000000000000c1", true);
    // The workload VPC with dhcp "default" passes; it is in scope because a runtime sits in it.
    assertThat(verdicts(run(new ResolverNotAmazonProvided(), b.build())))
        .containsExactly("PASS " + LZ_VPC, "PASS vpc " + OTHER_VPC);
    List<Finding> f = run(new ResolverNotAmazonProvided(), custom.build());
    assertThat(verdicts(f)).containsExactly("FAIL " + LZ_VPC);
    assertThat(f.get(0).chain()).isEqualTo(LZ_VPC + " → dhcp-options dopt-0c0000000000000c1 (domain-name-servers [10.20.0.2, 8.8.8.8])");
  }

  @Test
  void amazonDnsPlusAnotherServerIsNotExactlyAmazon() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    b.account(ACCT).region(REGION).dhcpOptions("dopt-0c0000000000000c1", List.of("AmazonProvidedDNS", "1.1.1.1"))
        .vpc(VPC, CIDR, "dopt-0c0000000000000c1", true);
    assertThat(verdicts(run(new ResolverNotAmazonProvided(), b.build()))).containsExactly("FAIL " + LZ_VPC);
  }

  @Test
  void unreadVpcsOrDhcpOptionsAreUnknown() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).coverage(ResourceKind.VPCS, CoverageStatus.DENIED, "DescribeVpcs", "UnauthorizedOperation", "denied");
    assertThat(verdicts(run(new ResolverNotAmazonProvided(), b.build()))).containsExactly("UNKNOWN " + LZ_VPC);
    SnapshotBuilder d = new SnapshotBuilder("t");
    d.account(ACCT).region(REGION).vpc(VPC, CIDR, "dopt-0d0000000000000d1", true)
        .coverage(ResourceKind.DHCP_OPTIONS, CoverageStatus.DENIED, "DescribeDhcpOptions", "UnauthorizedOperation", "denied");
    List<Finding> f = run(new ResolverNotAmazonProvided(), d.build());
    assertThat(verdicts(f)).containsExactly("UNKNOWN " + LZ_VPC);
    assertThat(f.get(0).message()).contains("DHCP_OPTIONS in 222222222222/us-east-1 not read: DENIED");
  }

  // AF-DNS-002

  @Test
  void dnsSupportTrueFalseAndUnread() {
    SnapshotBuilder on = new SnapshotBuilder("t");
    region(on);
    assertThat(verdicts(run(new VpcDnsSupportOff(), on.build()))).containsExactly("PASS " + LZ_VPC);
    SnapshotBuilder off = new SnapshotBuilder("t");
    off.account(ACCT).region(REGION).vpc(VPC, CIDR, "default", false);
    assertThat(verdicts(run(new VpcDnsSupportOff(), off.build()))).containsExactly("FAIL " + LZ_VPC);
    SnapshotBuilder unknown = new SnapshotBuilder("t");
    unknown.account(ACCT).region(REGION).vpc(VPC, CIDR, "default", null);
    List<Finding> f = run(new VpcDnsSupportOff(), unknown.build());
    assertThat(verdicts(f)).containsExactly("UNKNOWN " + LZ_VPC);
    assertThat(f.get(0).message()).contains("enableDnsSupport of " + VPC + " was not read");
  }

  // AF-PL-001 / AF-PL-002

  @Test
  void bothEndpointsWithPrivateDnsPass() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b);
    assertThat(verdicts(run(new AgentCoreEndpointMissing(), b.build()))).containsExactly("PASS " + LZ_VPC);
    assertThat(verdicts(run(new AgentCorePrivateDnsOff(), b.build()))).containsExactly("PASS " + LZ_VPC);
  }

  @Test
  void missingControlPlaneEndpointFails() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    b.account(ACCT).region(REGION).vpc(VPC, CIDR, "default", true)
        .interfaceEndpoint("vpce-0a000000000000ac1", VPC, "bedrock-agentcore", true, List.of(SUBNET_A))
        .interfaceEndpoint("vpce-0b000000000000ac2", OTHER_VPC, "bedrock-agentcore-control", true, List.of())
        .endpoint(new VpcEndpoint("vpce-0c000000000000ac3", VPC, "com.amazonaws.us-east-1.bedrock-agentcore-control",
            "Interface", "pendingAcceptance", true, List.of(), List.of(), List.of(), Optional.empty()));
    List<Finding> f = run(new AgentCoreEndpointMissing(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL " + LZ_VPC);
    assertThat(f.get(0).message()).endsWith("for com.amazonaws.us-east-1.bedrock-agentcore-control");
    assertThat(f.get(0).chain()).contains("service com.amazonaws.us-east-1.bedrock-agentcore-control"
        + " (endpoint vpce-0c000000000000ac3 is pendingAcceptance)");
  }

  @Test
  void privateDnsOffFailsAndNoEndpointIsNotThisRulesBusiness() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    b.account(ACCT).region(REGION).vpc(VPC, CIDR, "default", true)
        .interfaceEndpoint("vpce-0a000000000000ac1", VPC, "bedrock-agentcore", false, List.of(SUBNET_A));
    List<Finding> f = run(new AgentCorePrivateDnsOff(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL " + LZ_VPC);
    assertThat(f.get(0).message()).contains("vpce-0a000000000000ac1 (com.amazonaws.us-east-1.bedrock-agentcore)");
    SnapshotBuilder none = new SnapshotBuilder("t");
    none.account(ACCT).region(REGION).vpc(VPC, CIDR, "default", true);
    assertThat(run(new AgentCorePrivateDnsOff(), none.build())).isEmpty();
    assertThat(verdicts(run(new AgentCoreEndpointMissing(), none.build()))).containsExactly("FAIL " + LZ_VPC);
  }

  @Test
  void unreadEndpointsAreUnknownForBothRules() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).coverage(ResourceKind.VPC_ENDPOINTS, CoverageStatus.DENIED, "DescribeVpcEndpoints", "UnauthorizedOperation", "no");
    assertThat(verdicts(run(new AgentCoreEndpointMissing(), b.build()))).containsExactly("UNKNOWN " + LZ_VPC);
    assertThat(verdicts(run(new AgentCorePrivateDnsOff(), b.build()))).containsExactly("UNKNOWN " + LZ_VPC);
  }

  @Test
  void scanScopedToAnotherAccountDoesNotJudgeTheLandingZone() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    b.requested(List.of("333333333333"), List.of()).account("333333333333").region(REGION);
    assertThat(run(new AgentCoreEndpointMissing(), b.build())).isEmpty();
  }
}
