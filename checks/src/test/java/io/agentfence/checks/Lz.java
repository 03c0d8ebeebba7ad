package io.agentfence.checks;

import static io.agentfence.fixtures.scenario.SnapshotBuilder.local;
import static io.agentfence.fixtures.scenario.SnapshotBuilder.prefixList;
import static io.agentfence.fixtures.scenario.SnapshotBuilder.v4;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.GuardrailConfig;
import io.agentfence.baseline.LandingZone;
import io.agentfence.check.Check;
import io.agentfence.check.CheckContext;
import io.agentfence.finding.Finding;
import io.agentfence.fixtures.scenario.SnapshotBuilder;
import io.agentfence.fixtures.scenario.SnapshotBuilder.RegionBuilder;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.Route;
import io.agentfence.inventory.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small contained landing zone that each rule test breaks in one place. */
final class Lz {
  static final String ACCT = "222222222222";
  static final String REGION = "us-east-1";
  static final String VPC = "vpc-0a0000000000000a1";
  static final String CIDR = "10.20.0.0/16";
  static final String SUBNET_A = "subnet-0a0000000000000a1";
  static final String SUBNET_B = "subnet-0a0000000000000b2";
  static final String FOREIGN_SUBNET = "subnet-0f0000000000000f1";
  static final String SG = "sg-0a0000000000000a1";
  static final String FOREIGN_SG = "sg-0f0000000000000f1";
  static final String RTB_AGENTS = "rtb-0a0000000000000a1";
  static final String RTB_MAIN = "rtb-0a0000000000000f0";
  static final String GWLBE = "vpce-0a000000000000e01";
  static final String NAT = "nat-0a0000000000000a1";
  static final String IGW = "igw-0a0000000000000a1";
  static final String S3_PL = "pl-63a5400a";
  static final String S3_GW = "vpce-0a000000000000531";
  static final String RESTRICTED_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
      + "\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceOrgID\":\"o-demo\"}}}]}";
  static final NetworkConfig CONTAINED = NetworkConfig.vpc(List.of(SUBNET_A), List.of(SG));

  private Lz() {}

  static Baseline baseline() {
    return new Baseline(1, "test.yaml", List.of(zone()), GuardrailConfig.none(), Map.of(), List.of());
  }

  static LandingZone zone() {
    return new LandingZone("prod", List.of(ACCT), List.of(REGION), VPC, List.of(SUBNET_A, SUBNET_B), List.of(SG),
        List.of(GWLBE));
  }

  static List<Route> inspected() {
    return List.of(local(CIDR), v4("0.0.0.0/0", GWLBE), prefixList(S3_PL, S3_GW));
  }

  /** The landing zone with explicit agent table (SUBNET_A) and the main table (SUBNET_B). */
  static RegionBuilder region(SnapshotBuilder b, List<Route> agentRoutes, List<Route> mainRoutes) {
    return region(b, agentRoutes, mainRoutes, List.of("AmazonProvidedDNS"));
  }

  static RegionBuilder region(SnapshotBuilder b, List<Route> agentRoutes, List<Route> mainRoutes, List<String> dns) {
    RegionBuilder r = b.account(ACCT).region(REGION)
        .vpc(VPC, CIDR, "dopt-0a0000000000000a1", true)
        .subnet(SUBNET_A, VPC, "10.20.1.0/24", "us-east-1a")
        .subnet(SUBNET_B, VPC, "10.20.2.0/24", "us-east-1b")
        .routeTable(RTB_AGENTS, VPC, false, List.of(SUBNET_A), agentRoutes)
        .routeTable(RTB_MAIN, VPC, true, List.of(), mainRoutes)
        .dhcpOptions("dopt-0a0000000000000a1", dns)
        .interfaceEndpoint("vpce-0a000000000000ac1", VPC, "bedrock-agentcore", true, List.of(SUBNET_A))
        .interfaceEndpoint("vpce-0a000000000000ac2", VPC, "bedrock-agentcore-control", true, List.of(SUBNET_A))
        .gatewayEndpoint(S3_GW, VPC, "s3", List.of(RTB_AGENTS, RTB_MAIN), RESTRICTED_S3)
        .securityGroup(SG, VPC, "agents", CIDR);
    return r;
  }

  static RegionBuilder region(SnapshotBuilder b) {
    return region(b, inspected(), inspected());
  }

  static List<Finding> run(Check check, Snapshot s) {
    return run(check, s, baseline());
  }

  static List<Finding> run(Check check, Snapshot s, Baseline b) {
    return new ArrayList<>(check.evaluate(CheckContext.of(s, b, LocalDate.of(2026, 1, 1))));
  }

  /** {@code STATUS kind id} per finding: the exact verdicts, compact enough to read in a test. */
  static List<String> verdicts(List<Finding> findings) {
    return findings.stream().map(f -> f.status() + " " + f.resource().kind() + " " + f.resource().id()).toList();
  }
}
