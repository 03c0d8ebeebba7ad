package io.agentfence.checks;

import static io.agentfence.checks.Lz.*;
import static io.agentfence.fixtures.scenario.SnapshotBuilder.blackhole;
import static io.agentfence.fixtures.scenario.SnapshotBuilder.local;
import static io.agentfence.fixtures.scenario.SnapshotBuilder.prefixList;
import static io.agentfence.fixtures.scenario.SnapshotBuilder.v4;
import static io.agentfence.fixtures.scenario.SnapshotBuilder.v6;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.GuardrailConfig;
import io.agentfence.baseline.LandingZone;
import io.agentfence.checks.egress.BlackholeDefaultRoute;
import io.agentfence.checks.egress.DefaultRouteBypassesInspection;
import io.agentfence.checks.egress.GatewayEndpointExfilPath;
import io.agentfence.checks.egress.Ipv6Bypass;
import io.agentfence.checks.egress.MoreSpecificBypass;
import io.agentfence.finding.Finding;
import io.agentfence.fixtures.scenario.SnapshotBuilder;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.RouteTargetType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EgressRulesTest {
  static final NetworkConfig ON_B = NetworkConfig.vpc(List.of(SUBNET_B), List.of(SG));

  // AF-EGR-001

  @Test
  void defaultRouteToInspectionEndpointPasses() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).runtime("rt-1", CONTAINED);
    List<Finding> f = run(new DefaultRouteBypassesInspection(), b.build());
    assertThat(verdicts(f)).containsExactly("PASS runtime rt-1");
    assertThat(f.get(0).chain()).isEqualTo("runtime rt-1 (mode VPC) → subnet subnet-0a0000000000000a1 (vpc-0a0000000000000a1)"
        + " → route-table rtb-0a0000000000000a1 (explicit) → route 0.0.0.0/0 → target vpce-0a000000000000e01 (inspection target)");
  }

  @Test
  void mainTableFallbackWithNatDefaultFails() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b, inspected(), List.of(local(CIDR), v4("0.0.0.0/0", RouteTargetType.NAT_GATEWAY, NAT))).runtime("rt-1", ON_B);
    List<Finding> f = run(new DefaultRouteBypassesInspection(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL runtime rt-1");
    assertThat(f.get(0).chain()).isEqualTo("runtime rt-1 (mode VPC) → subnet subnet-0a0000000000000b2 (vpc-0a0000000000000a1)"
        + " → route-table rtb-0a0000000000000f0 (main) → route 0.0.0.0/0"
        + " → target nat-0a0000000000000a1 (NAT gateway, not the inspection target)");
    assertThat(f.get(0).message()).contains("the inspection target is vpce-0a000000000000e01");
  }

  @Test
  void explicitAssociationWinsOverMainTable() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    // The main table is bad, but SUBNET_A is explicitly associated with the inspected table.
    region(b, inspected(), List.of(local(CIDR), v4("0.0.0.0/0", IGW))).runtime("rt-1", CONTAINED);
    assertThat(verdicts(run(new DefaultRouteBypassesInspection(), b.build()))).containsExactly("PASS runtime rt-1");
  }

  @Test
  void transitGatewayIsInspectionWhenTheBaselineSaysSo() {
    String tgw = "tgw-0a0000000000000a1";
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b, List.of(local(CIDR), v4("0.0.0.0/0", RouteTargetType.TRANSIT_GATEWAY, tgw)), inspected()).runtime("rt-1", CONTAINED);
    LandingZone z = zone();
    Baseline viaTgw = new Baseline(1, "t", List.of(new LandingZone(z.name(), z.accounts(), z.regions(), z.vpcId(),
        z.approvedSubnets(), z.approvedSecurityGroups(), List.of(tgw))), GuardrailConfig.none(), Map.of(), List.of());
    assertThat(verdicts(run(new DefaultRouteBypassesInspection(), b.build(), viaTgw))).containsExactly("PASS runtime rt-1");
    assertThat(verdicts(run(new DefaultRouteBypassesInspection(), b.build(), baseline()))).containsExactly("FAIL runtime rt-1");
  }

  @Test
  void unreadRouteTablesAreUnknown() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).coverage(ResourceKind.ROUTE_TABLES, CoverageStatus.DENIED, "DescribeRouteTables", "UnauthorizedOperation", "x")
        .runtime("rt-1", CONTAINED);
    List<Finding> f = run(new DefaultRouteBypassesInspection(), b.build());
    assertThat(verdicts(f)).containsExactly("UNKNOWN runtime rt-1");
    assertThat(f.get(0).message()).contains("ROUTE_TABLES in 222222222222/us-east-1 not read: DENIED");
  }

  @Test
  void subnetWithoutExplicitAssociationAndNotInInventoryIsUnknown() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).runtime("rt-1", NetworkConfig.vpc(List.of(SUBNET_A, "subnet-0c0000000000000c1"), List.of(SG)));
    List<Finding> f = run(new DefaultRouteBypassesInspection(), b.build());
    assertThat(verdicts(f)).containsExactly("UNKNOWN runtime rt-1");
    assertThat(f.get(0).message()).contains("main route table cannot be found");
  }

  @Test
  void noDefaultRouteMeansNoWayOut() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b, List.of(local(CIDR)), inspected()).runtime("rt-1", CONTAINED);
    assertThat(verdicts(run(new DefaultRouteBypassesInspection(), b.build()))).containsExactly("PASS runtime rt-1");
  }

  @Test
  void appliesToToolsToo() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b, List.of(local(CIDR), v4("0.0.0.0/0", IGW)), inspected()).browser("br-1", CONTAINED);
    assertThat(verdicts(run(new DefaultRouteBypassesInspection(), b.build()))).containsExactly("FAIL browser br-1");
  }

  // AF-EGR-002

  @Test
  void ipv6DefaultToEgressOnlyGatewayFails() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b, List.of(local(CIDR), v4("0.0.0.0/0", GWLBE),
        v6("::/0", RouteTargetType.EGRESS_ONLY_INTERNET_GATEWAY, "eigw-0a0000000000000a1")), inspected())
        .runtime("rt-1", CONTAINED);
    List<Finding> f = run(new Ipv6Bypass(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL runtime rt-1");
    assertThat(f.get(0).chain()).endsWith("→ route ::/0 → target eigw-0a0000000000000a1"
        + " (egress-only internet gateway, not the inspection target)");
    assertThat(verdicts(run(new DefaultRouteBypassesInspection(), b.build()))).containsExactly("PASS runtime rt-1");
  }

  @Test
  void ipv6PassesWithoutDefaultAndIsUnknownWhenUnread() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).runtime("rt-1", CONTAINED);
    assertThat(verdicts(run(new Ipv6Bypass(), b.build()))).containsExactly("PASS runtime rt-1");
    SnapshotBuilder u = new SnapshotBuilder("t");
    region(u).noCoverage(ResourceKind.ROUTE_TABLES).runtime("rt-1", CONTAINED);
    assertThat(verdicts(run(new Ipv6Bypass(), u.build()))).containsExactly("UNKNOWN runtime rt-1");
  }

  // AF-EGR-003

  @Test
  void moreSpecificPublicPrefixToInternetGatewayFails() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b, List.of(local(CIDR), v4("0.0.0.0/0", GWLBE), v4("8.8.8.8/32", IGW)), inspected()).runtime("rt-1", CONTAINED);
    List<Finding> f = run(new MoreSpecificBypass(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL runtime rt-1");
    assertThat(f.get(0).chain()).endsWith("→ route 8.8.8.8/32 → target igw-0a0000000000000a1"
        + " (internet gateway, not the inspection target)");
    assertThat(verdicts(run(new DefaultRouteBypassesInspection(), b.build()))).containsExactly("PASS runtime rt-1");
  }

  @Test
  void privateRangesPeeringAndHalfInternetRoutes() {
    SnapshotBuilder ok = new SnapshotBuilder("t");
    region(ok, List.of(local(CIDR), v4("0.0.0.0/0", GWLBE),
        v4("10.50.0.0/16", RouteTargetType.VPC_PEERING_CONNECTION, "pcx-0a0000000000000a1"),
        v4("192.168.0.0/16", RouteTargetType.TRANSIT_GATEWAY, "tgw-0b0000000000000b1")), inspected()).runtime("rt-1", CONTAINED);
    assertThat(verdicts(run(new MoreSpecificBypass(), ok.build()))).containsExactly("PASS runtime rt-1");

    SnapshotBuilder bad = new SnapshotBuilder("t");
    region(bad, List.of(local(CIDR), v4("0.0.0.0/0", GWLBE), v4("0.0.0.0/1", RouteTargetType.NAT_GATEWAY, NAT),
        v6("2600:1f18::/32", RouteTargetType.VPC_PEERING_CONNECTION, "pcx-0a0000000000000a1")), inspected()).runtime("rt-1", CONTAINED);
    List<Finding> f = run(new MoreSpecificBypass(), bad.build());
    assertThat(verdicts(f)).containsExactly("FAIL runtime rt-1");
    assertThat(f.get(0).message()).contains("public prefix 0.0.0.0/1").contains("public prefix 2600:1f18::/32");
  }

  @Test
  void prefixListToInternetGatewayIsUnknown() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b, List.of(local(CIDR), v4("0.0.0.0/0", GWLBE), prefixList("pl-0a0000000000000a1", IGW)), inspected())
        .runtime("rt-1", CONTAINED);
    assertThat(verdicts(run(new MoreSpecificBypass(), b.build()))).containsExactly("UNKNOWN runtime rt-1");
  }

  // AF-EGR-004

  @Test
  void restrictedS3GatewayEndpointPasses() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).runtime("rt-1", CONTAINED);
    assertThat(verdicts(run(new GatewayEndpointExfilPath(), b.build()))).containsExactly("PASS runtime rt-1");
  }

  @Test
  void openOrMissingOrBrokenPolicyFails() {
    for (String policy : new String[] {
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::*/*\"}}",
        null, "not json {"}) {
      SnapshotBuilder b = new SnapshotBuilder("t");
      b.account(ACCT).region(REGION).gatewayEndpoint("vpce-0a000000000000532", VPC, "s3", List.of(RTB_AGENTS), policy);
      region(b).runtime("rt-1", CONTAINED);
      List<Finding> f = run(new GatewayEndpointExfilPath(), b.build());
      assertThat(verdicts(f)).as(String.valueOf(policy)).containsExactly("FAIL runtime rt-1");
      assertThat(f.get(0).chain()).contains("gateway-endpoint vpce-0a000000000000532");
      if ("not json {".equals(policy)) {
        assertThat(f.get(0).message()).contains("not valid JSON");
      }
    }
  }

  @Test
  void endpointRoutedFromAnotherTableDoesNotCount() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    b.account(ACCT).region(REGION).gatewayEndpoint("vpce-0a000000000000532", VPC, "dynamodb", List.of(RTB_MAIN), null);
    region(b, List.of(local(CIDR), v4("0.0.0.0/0", GWLBE)), inspected()).runtime("rt-1", CONTAINED);
    assertThat(verdicts(run(new GatewayEndpointExfilPath(), b.build()))).containsExactly("PASS runtime rt-1");
    b.account(ACCT).region(REGION).runtime("rt-2", ON_B);
    assertThat(verdicts(run(new GatewayEndpointExfilPath(), b.build()))).containsExactly("PASS runtime rt-1", "FAIL runtime rt-2");
  }

  @Test
  void unreadEndpointsAreUnknown() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).coverage(ResourceKind.VPC_ENDPOINTS, CoverageStatus.ERROR, "DescribeVpcEndpoints", "InternalError", "5xx")
        .runtime("rt-1", CONTAINED);
    assertThat(verdicts(run(new GatewayEndpointExfilPath(), b.build()))).containsExactly("UNKNOWN runtime rt-1");
  }

  // AF-EGR-005

  @Test
  void blackholedDefaultRoute() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b, List.of(local(CIDR), blackhole("0.0.0.0/0", RouteTargetType.GATEWAY, "vpce-0a000000000000e99")), inspected())
        .runtime("rt-1", CONTAINED);
    b.account(ACCT).region(REGION).runtime("rt-2", ON_B);
    List<Finding> f = run(new BlackholeDefaultRoute(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL runtime rt-1", "PASS runtime rt-2");
    assertThat(f.get(0).chain()).endsWith("→ route 0.0.0.0/0 (blackhole) → target vpce-0a000000000000e99 (blackhole)");
    // Broken is not uncontained: the bypass rule does not fail it.
    assertThat(verdicts(run(new DefaultRouteBypassesInspection(), b.build()))).containsExactly("PASS runtime rt-1", "PASS runtime rt-2");
    SnapshotBuilder u = new SnapshotBuilder("t");
    region(u).coverage(ResourceKind.ROUTE_TABLES, CoverageStatus.THROTTLED_OUT, "DescribeRouteTables", "Throttling", "")
        .runtime("rt-1", CONTAINED);
    assertThat(verdicts(run(new BlackholeDefaultRoute(), u.build()))).containsExactly("UNKNOWN runtime rt-1");
  }
}
