package io.agentfence.schedules;

import io.agentfence.inventory.Account;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.DhcpOptions;
import io.agentfence.inventory.IamInventory;
import io.agentfence.inventory.IamPrincipal;
import io.agentfence.inventory.ManagedPolicy;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.PolicyDocument;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.Route;
import io.agentfence.inventory.RouteTable;
import io.agentfence.inventory.RouteTableAssociation;
import io.agentfence.inventory.RouteTarget;
import io.agentfence.inventory.RouteTargetType;
import io.agentfence.inventory.RuntimeEndpoint;
import io.agentfence.inventory.RuntimeVersion;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.Subnet;
import io.agentfence.inventory.Vpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contained landing zone in one account, and the changes the nightly job must notice. Each
 * field is a knob; {@link #snapshot()} builds the v1 snapshot. Immutable: each change returns a
 * copy, so a test reads as a sequence of fixture changes.
 */
public record Scenario(
    List<String> accounts,
    String runtimeMode,
    String runtimeVersion,
    String runtimeStatus,
    RouteTarget defaultRoute,
    String dhcpOptionsId,
    boolean guardrailAttached,
    List<String> unreadableAccounts,
    Instant collectedAt) {

  public static final String ACCOUNT = "111111111111";
  public static final String REGION = "us-east-1";
  public static final String GUARDRAIL_ARN = "arn:aws:iam::111111111111:policy/AgentCoreGuardrail";
  public static final String DEPLOYER_ARN = "arn:aws:iam::111111111111:role/agent-deployer";

  public static Scenario contained() {
    return new Scenario(List.of(ACCOUNT), "VPC", "1", "READY",
        new RouteTarget(RouteTargetType.NETWORK_INTERFACE, "eni-inspect1"), "dopt-1", true, List.of(),
        Instant.parse("2026-11-20T02:00:00Z"));
  }

  public Scenario withAccounts(String... ids) {
    return new Scenario(List.of(ids), runtimeMode, runtimeVersion, runtimeStatus, defaultRoute, dhcpOptionsId,
        guardrailAttached, unreadableAccounts, collectedAt);
  }

  public Scenario runtimePublic() {
    return new Scenario(accounts, "PUBLIC", "2", runtimeStatus, defaultRoute, dhcpOptionsId, guardrailAttached,
        unreadableAccounts, collectedAt);
  }

  public Scenario runtimeStatus(String status) {
    return new Scenario(accounts, runtimeMode, runtimeVersion, status, defaultRoute, dhcpOptionsId, guardrailAttached,
        unreadableAccounts, collectedAt);
  }

  public Scenario routeToNat() {
    return new Scenario(accounts, runtimeMode, runtimeVersion, runtimeStatus,
        new RouteTarget(RouteTargetType.NAT_GATEWAY, "nat-0abc"), dhcpOptionsId, guardrailAttached,
        unreadableAccounts, collectedAt);
  }

  public Scenario dhcpReplaced() {
    return new Scenario(accounts, runtimeMode, runtimeVersion, runtimeStatus, defaultRoute, "dopt-2",
        guardrailAttached, unreadableAccounts, collectedAt);
  }

  public Scenario guardrailDetached() {
    return new Scenario(accounts, runtimeMode, runtimeVersion, runtimeStatus, defaultRoute, dhcpOptionsId, false,
        unreadableAccounts, collectedAt);
  }

  public Scenario unreadable(String account) {
    List<String> u = new ArrayList<>(unreadableAccounts);
    u.add(account);
    return new Scenario(accounts, runtimeMode, runtimeVersion, runtimeStatus, defaultRoute, dhcpOptionsId,
        guardrailAttached, u, collectedAt);
  }

  public Scenario collectedAt(Instant t) {
    return new Scenario(accounts, runtimeMode, runtimeVersion, runtimeStatus, defaultRoute, dhcpOptionsId,
        guardrailAttached, unreadableAccounts, t);
  }

  public Snapshot snapshot() {
    List<AccountInventory> inv = new ArrayList<>();
    List<CoverageRecord> coverage = new ArrayList<>();
    for (String acct : accounts) {
      if (unreadableAccounts.contains(acct)) {
        for (ResourceKind k : ResourceKind.values()) {
          if (k != ResourceKind.ORGANIZATIONS) {
            coverage.add(CoverageRecord.gap(acct, k.global() ? CoverageRecord.GLOBAL : REGION, k,
                CoverageStatus.ROLE_NOT_ASSUMABLE, "sts:AssumeRole", "AccessDenied", "role not assumable"));
          }
        }
        continue;
      }
      inv.add(account(acct));
      for (ResourceKind k : ResourceKind.values()) {
        if (k != ResourceKind.ORGANIZATIONS) {
          coverage.add(CoverageRecord.read(acct, k.global() ? CoverageRecord.GLOBAL : REGION, k));
        }
      }
    }
    CollectionInfo info = new CollectionInfo("agentfence test", "synthetic", Optional.of(collectedAt),
        Optional.of(collectedAt.plusSeconds(42)), accounts, List.of(REGION), false);
    return Snapshot.of(info, Optional.empty(), inv, coverage);
  }

  private AccountInventory account(String acct) {
    String subnet = "subnet-a" + acct.substring(9);
    NetworkConfig net = runtimeMode.equals("VPC")
        ? NetworkConfig.vpc(List.of(subnet), List.of("sg-1"))
        : NetworkConfig.publicMode();
    List<RuntimeVersion> versions = new ArrayList<>();
    versions.add(new RuntimeVersion("1", NetworkConfig.vpc(List.of(subnet), List.of("sg-1")), runtimeStatus));
    if (!runtimeVersion.equals("1")) {
      versions.add(new RuntimeVersion(runtimeVersion, net, runtimeStatus));
    }
    AgentRuntime rt = new AgentRuntime("rt-" + acct, "arn:aws:bedrock-agentcore:us-east-1:" + acct + ":runtime/rt-" + acct,
        "support-agent", runtimeStatus, runtimeVersion, versions,
        List.of(new RuntimeEndpoint("DEFAULT", "DEFAULT", "", runtimeStatus, Optional.of("1"), Optional.empty())));
    Vpc vpc = new Vpc("vpc-1", List.of("10.0.0.0/16"), List.of(), dhcpOptionsId, Optional.of(true), false);
    Subnet sn = new Subnet(subnet, "vpc-1", "10.0.1.0/24", List.of(), "us-east-1a", "use1-az1");
    RouteTable rtb = new RouteTable("rtb-1", "vpc-1",
        List.of(new RouteTableAssociation("rtbassoc-1", false, Optional.of(subnet), Optional.empty(), "associated")),
        List.of(Route.ipv4("10.0.0.0/16", RouteTarget.gateway("local")), Route.ipv4("0.0.0.0/0", defaultRoute)));
    DhcpOptions dopt = dhcpOptionsId.equals("dopt-1")
        ? new DhcpOptions("dopt-1", Map.of(DhcpOptions.DOMAIN_NAME_SERVERS, List.of("AmazonProvidedDNS")))
        : new DhcpOptions(dhcpOptionsId, Map.of(DhcpOptions.DOMAIN_NAME_SERVERS, List.of("10.9.9.9")));
    RegionInventory region = RegionInventory.builder(REGION).runtimes(List.of(rt)).vpcs(List.of(vpc))
        .subnets(List.of(sn)).routeTables(List.of(rtb)).dhcpOptions(List.of(dopt)).build();
    String guardrail = GUARDRAIL_ARN.replace("111111111111", acct);
    ManagedPolicy policy = new ManagedPolicy(guardrail, "AgentCoreGuardrail", "/", "v3", false,
        new PolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"bedrock-agentcore:CreateAgentRuntime\",\"Resource\":\"*\"}]}"));
    IamPrincipal deployer = new IamPrincipal(IamPrincipal.PrincipalType.ROLE, "agent-deployer",
        DEPLOYER_ARN.replace("111111111111", acct), "/", guardrailAttached ? List.of(guardrail) : List.of(), List.of(),
        Optional.empty(), List.of(), false);
    return new AccountInventory(Account.of(acct), new IamInventory(List.of(policy), List.of(deployer)), List.of(region));
  }
}
