package io.agentfence.inventory.json;

import io.agentfence.inventory.*;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot that uses every record and every optional field of format v1 at least once (and
 * leaves some optionals empty), so schema tests exercise the whole format.
 */
public final class FullSnapshot {
  private FullSnapshot() {}

  public static Snapshot build() {
    String acct = "111122223333";
    var runtime = new AgentRuntime("rt-1", "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/rt-1",
        "agent", "READY", "2",
        List.of(new RuntimeVersion("2", NetworkConfig.vpc(List.of("subnet-0a1b2c3d"), List.of("sg-0a1b2c3d")), "READY"),
            new RuntimeVersion("1", NetworkConfig.publicMode(), "READY")),
        List.of(new RuntimeEndpoint("ep-1", "DEFAULT", "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/rt-1/runtime-endpoint/DEFAULT",
            "READY", Optional.of("1"), Optional.of("2"))));
    var browser = new Browser("br-1", "arn:aws:bedrock-agentcore:us-east-1:111122223333:browser/br-1", "b", "READY",
        NetworkConfig.publicMode());
    var ci = new CodeInterpreter("ci-1", "arn:aws:bedrock-agentcore:us-east-1:111122223333:code-interpreter/ci-1", "c",
        "READY", new NetworkConfig("SANDBOX", List.of(), List.of()));
    var vpc = new Vpc("vpc-0a1b2c3d", List.of("10.0.0.0/16"), List.of("2600:1f18::/56"), "dopt-1", Optional.of(true), false);
    var vpcUnknownDns = new Vpc("vpc-11112222", List.of("10.1.0.0/16"), List.of(), "default", Optional.empty(), true);
    var subnet = new Subnet("subnet-0a1b2c3d", "vpc-0a1b2c3d", "10.0.1.0/24", List.of(), "us-east-1a", "use1-az1");
    var rt = new RouteTable("rtb-1", "vpc-0a1b2c3d",
        List.of(new RouteTableAssociation("rtbassoc-1", true, Optional.empty(), Optional.empty(), "associated"),
            new RouteTableAssociation("rtbassoc-2", false, Optional.of("subnet-0a1b2c3d"), Optional.empty(), "associated"),
            new RouteTableAssociation("rtbassoc-3", false, Optional.empty(), Optional.of("igw-1"), "associated")),
        List.of(Route.ipv4("10.0.0.0/16", RouteTarget.gateway("local")),
            Route.ipv4("0.0.0.0/0", new RouteTarget(RouteTargetType.TRANSIT_GATEWAY, "tgw-0a1b2c3d")),
            new Route(Optional.empty(), Optional.of("::/0"), Optional.empty(),
                new RouteTarget(RouteTargetType.EGRESS_ONLY_INTERNET_GATEWAY, "eigw-1"), "active", "CreateRoute"),
            new Route(Optional.empty(), Optional.empty(), Optional.of("pl-63a5400a"),
                RouteTarget.gateway("vpce-0s3"), "blackhole", "CreateRouteTable")));
    var dhcp = new DhcpOptions("dopt-1", Map.of("domain-name-servers", List.of("AmazonProvidedDNS")));
    var endpoints = List.of(
        new VpcEndpoint("vpce-1", "vpc-0a1b2c3d", "com.amazonaws.us-east-1.bedrock-agentcore", "Interface", "available",
            true, List.of("subnet-0a1b2c3d"), List.of(), List.of("sg-0a1b2c3d"), Optional.empty()),
        new VpcEndpoint("vpce-0s3", "vpc-0a1b2c3d", "com.amazonaws.us-east-1.s3", "Gateway", "available", false,
            List.of(), List.of("rtb-1"), List.of(),
            Optional.of(new PolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))),
        new VpcEndpoint("vpce-2", "vpc-0a1b2c3d", "com.amazonaws.us-east-1.dynamodb", "Gateway", "available", false,
            List.of(), List.of(), List.of(), Optional.of(new PolicyDocument("not json"))));
    var sg = new SecurityGroup("sg-0a1b2c3d", "vpc-0a1b2c3d", "agents",
        List.of(new SecurityGroupRule("tcp", 443, 443, List.of("10.0.0.0/8"), List.of(), List.of(), List.of("sg-0a1b2c3d"))),
        List.of(new SecurityGroupRule("-1", -1, -1, List.of("0.0.0.0/0"), List.of("::/0"), List.of("pl-1"), List.of())));
    var eni = new NetworkInterface("eni-1", "subnet-0a1b2c3d", "vpc-0a1b2c3d", "agentcore", "in-use", "10.0.1.10",
        List.of("sg-0a1b2c3d"), Map.of("Name", "agent"));
    var region = RegionInventory.builder("us-east-1").runtimes(List.of(runtime)).browsers(List.of(browser))
        .codeInterpreters(List.of(ci)).vpcs(List.of(vpc, vpcUnknownDns)).subnets(List.of(subnet))
        .routeTables(List.of(rt)).dhcpOptions(List.of(dhcp)).vpcEndpoints(endpoints).securityGroups(List.of(sg))
        .networkInterfaces(List.of(eni)).build();
    var policy = new ManagedPolicy("arn:aws:iam::111122223333:policy/Guardrail", "Guardrail", "/", "v3", false,
        new PolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"bedrock-agentcore:CreateAgentRuntime\",\"Resource\":\"*\"}]}"));
    var role = new IamPrincipal(IamPrincipal.PrincipalType.ROLE, "deployer", "arn:aws:iam::111122223333:role/deployer", "/",
        List.of(policy.arn()), List.of(new InlinePolicy("inline", new PolicyDocument("{\"Statement\":[]}"))),
        Optional.of("arn:aws:iam::111122223333:policy/Boundary"), List.of(), false);
    var user = new IamPrincipal(IamPrincipal.PrincipalType.USER, "ops", "arn:aws:iam::111122223333:user/ops", "/",
        List.of(), List.of(), Optional.empty(), List.of("admins"), false);
    var account = new AccountInventory(new Account(acct, Optional.of("prod"), Optional.of("ACTIVE"), List.of("r-ab12", "ou-ab12-prod")),
        new IamInventory(List.of(policy), List.of(role, user)), List.of(region));
    var denied = new AccountInventory(Account.of("444455556666"), IamInventory.empty(), List.of(RegionInventory.empty("eu-west-1")));
    var org = new OrganizationInventory("o-abc123", "999999999999",
        List.of(new OrgUnit("r-ab12", "Root", Optional.empty()), new OrgUnit("ou-ab12-prod", "prod", Optional.of("r-ab12"))),
        List.of(new ServiceControlPolicy("p-1", "arn:aws:organizations::999999999999:policy/o-abc123/service_control_policy/p-1",
            "DenyOutside", false, new PolicyDocument("{\"Statement\":[]}"), List.of("ou-ab12-prod"))));
    var info = new CollectionInfo("agentfence 0.1.0", "live", Optional.of(Instant.parse("2026-11-21T10:00:00Z")),
        Optional.of(Instant.parse("2026-11-21T10:01:30.5Z")), List.of(acct, "444455556666"), List.of("us-east-1", "eu-west-1"), false);
    return Snapshot.of(info, Optional.of(org), List.of(account, denied), List.of(
        CoverageRecord.read(acct, "us-east-1", ResourceKind.AGENT_RUNTIMES),
        CoverageRecord.read(acct, CoverageRecord.GLOBAL, ResourceKind.IAM),
        CoverageRecord.gap("444455556666", "eu-west-1", ResourceKind.AGENT_RUNTIMES, CoverageStatus.DENIED,
            "ListAgentRuntimes", "AccessDeniedException", "not authorized"),
        CoverageRecord.gap("444455556666", "global", ResourceKind.IAM, CoverageStatus.ROLE_NOT_ASSUMABLE,
            null, null, null)));
  }
}
