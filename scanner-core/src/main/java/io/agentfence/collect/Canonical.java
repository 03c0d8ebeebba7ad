package io.agentfence.collect;

import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.Browser;
import io.agentfence.inventory.CodeInterpreter;
import io.agentfence.inventory.IamInventory;
import io.agentfence.inventory.IamPrincipal;
import io.agentfence.inventory.InlinePolicy;
import io.agentfence.inventory.ManagedPolicy;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.NetworkInterface;
import io.agentfence.inventory.OrgUnit;
import io.agentfence.inventory.OrganizationInventory;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.Route;
import io.agentfence.inventory.RouteTable;
import io.agentfence.inventory.RuntimeEndpoint;
import io.agentfence.inventory.RuntimeVersion;
import io.agentfence.inventory.SecurityGroup;
import io.agentfence.inventory.ServiceControlPolicy;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.Subnet;
import io.agentfence.inventory.Vpc;
import io.agentfence.inventory.VpcEndpoint;
import io.agentfence.inventory.DhcpOptions;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A snapshot's canonical order: entities sorted by id, id sets sorted. AWS list order depends on
 * pagination and concurrency; a canonical order makes snapshots diffable and comparable (drift,
 * round-trip tests). Order that carries meaning is kept as AWS returned it: OU paths (root first),
 * CIDR lists, DNS servers, security group rules. Routes are sorted by destination (one route per
 * destination in a table).
 */
public final class Canonical {
  private Canonical() {}

  public static Snapshot snapshot(Snapshot s) {
    return new Snapshot(s.formatVersion(), s.collection(), s.organization().map(Canonical::org),
        sorted(s.accounts(), Canonical::account, a -> a.account().id()),
        sorted(s.coverage(), Function.identity(),
            c -> c.accountId() + '|' + c.region() + '|' + c.kind() + '|' + c.status()));
  }

  private static OrganizationInventory org(OrganizationInventory o) {
    return new OrganizationInventory(o.id(), o.managementAccountId(),
        sorted(o.units(), Function.identity(), OrgUnit::id),
        sorted(o.scps(), p -> new ServiceControlPolicy(p.id(), p.arn(), p.name(), p.awsManaged(), p.document(),
            ids(p.targetIds())), ServiceControlPolicy::id));
  }

  private static AccountInventory account(AccountInventory a) {
    IamInventory iam = new IamInventory(
        sorted(a.iam().policies(), Function.identity(), ManagedPolicy::arn),
        sorted(a.iam().principals(), p -> new IamPrincipal(p.type(), p.name(), p.arn(), p.path(),
            ids(p.attachedPolicyArns()), sorted(p.inlinePolicies(), Function.identity(), InlinePolicy::name),
            p.permissionsBoundaryArn(), ids(p.groups()), p.serviceLinked()), IamPrincipal::arn));
    return new AccountInventory(a.account(), iam, sorted(a.regions(), Canonical::region, RegionInventory::region));
  }

  private static RegionInventory region(RegionInventory r) {
    return r.toBuilder()
        .runtimes(sorted(r.runtimes(), Canonical::runtime, AgentRuntime::id))
        .browsers(sorted(r.browsers(), b -> new Browser(b.id(), b.arn(), b.name(), b.status(), net(b.network()),
            b.readIn()),
            Browser::id))
        .codeInterpreters(sorted(r.codeInterpreters(), c -> new CodeInterpreter(c.id(), c.arn(), c.name(),
            c.status(), net(c.network()), c.readIn()), CodeInterpreter::id))
        .vpcs(sorted(r.vpcs(), Function.identity(), Vpc::id))
        .subnets(sorted(r.subnets(), Function.identity(), Subnet::id))
        .routeTables(sorted(r.routeTables(), t -> new RouteTable(t.id(), t.vpcId(),
            sorted(t.associations(), Function.identity(),
                x -> x.id() + '|' + x.subnetId().orElse("") + '|' + x.gatewayId().orElse("") + '|' + x.main()),
            sorted(t.routes(), Function.identity(), Route::destination)), RouteTable::id))
        .dhcpOptions(sorted(r.dhcpOptions(), Function.identity(), DhcpOptions::id))
        .vpcEndpoints(sorted(r.vpcEndpoints(), e -> new VpcEndpoint(e.id(), e.vpcId(), e.serviceName(), e.type(),
            e.state(), e.privateDnsEnabled(), ids(e.subnetIds()), ids(e.routeTableIds()),
            ids(e.securityGroupIds()), e.policyDocument()), VpcEndpoint::id))
        .securityGroups(sorted(r.securityGroups(), Function.identity(), SecurityGroup::id))
        .networkInterfaces(sorted(r.networkInterfaces(), n -> new NetworkInterface(n.id(), n.subnetId(), n.vpcId(),
            n.interfaceType(), n.status(), n.privateIpAddress(), ids(n.securityGroupIds()), n.tags()),
            NetworkInterface::id))
        .build();
  }

  private static AgentRuntime runtime(AgentRuntime r) {
    return new AgentRuntime(r.id(), r.arn(), r.name(), r.status(), r.latestVersion(),
        sorted(r.versions(), v -> new RuntimeVersion(v.version(), net(v.network()), v.status(), v.readIn()),
            RuntimeVersion::version),
        sorted(r.endpoints(), Function.identity(), RuntimeEndpoint::name));
  }

  private static NetworkConfig net(NetworkConfig n) {
    return new NetworkConfig(n.mode(), ids(n.subnets()), ids(n.securityGroups()));
  }

  private static List<String> ids(List<String> in) {
    return in.stream().sorted().toList();
  }

  private static <T> List<T> sorted(List<T> in, Function<T, T> inner, Function<T, String> key) {
    return in.stream().map(inner).sorted(Comparator.comparing(key)).toList();
  }
}
