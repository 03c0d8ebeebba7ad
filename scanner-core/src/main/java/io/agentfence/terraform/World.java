package io.agentfence.terraform;

import io.agentfence.inventory.Account;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.Browser;
import io.agentfence.inventory.CodeInterpreter;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.CoverageGaps;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.DhcpOptions;
import io.agentfence.inventory.IamInventory;
import io.agentfence.inventory.IamPrincipal;
import io.agentfence.inventory.ManagedPolicy;
import io.agentfence.inventory.OrganizationInventory;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.RouteTable;
import io.agentfence.inventory.SecurityGroup;
import io.agentfence.inventory.ServiceControlPolicy;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.Subnet;
import io.agentfence.inventory.Vpc;
import io.agentfence.inventory.VpcEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A snapshot being changed by a plan: the base inventory's resources by id, per account and
 * region, that the plan's resources replace, join or leave. Mutable and single-use; {@link
 * #build} returns the immutable snapshot. Region lists this class does not manage are kept from
 * the base as they are ({@link RegionInventory#toBuilder()}).
 */
final class World {
  /** One (account, region) of the world. */
  static final class Region {
    final RegionInventory base;
    final Map<String, AgentRuntime> runtimes;
    final Map<String, Browser> browsers;
    final Map<String, CodeInterpreter> codeInterpreters;
    final Map<String, Vpc> vpcs;
    final Map<String, Subnet> subnets;
    final Map<String, RouteTable> routeTables;
    final Map<String, DhcpOptions> dhcpOptions;
    final Map<String, VpcEndpoint> vpcEndpoints;
    final Map<String, SecurityGroup> securityGroups;

    Region(RegionInventory base) {
      this.base = base;
      runtimes = byId(base.runtimes(), AgentRuntime::id);
      browsers = byId(base.browsers(), Browser::id);
      codeInterpreters = byId(base.codeInterpreters(), CodeInterpreter::id);
      vpcs = byId(base.vpcs(), Vpc::id);
      subnets = byId(base.subnets(), Subnet::id);
      routeTables = byId(base.routeTables(), RouteTable::id);
      dhcpOptions = byId(base.dhcpOptions(), DhcpOptions::id);
      vpcEndpoints = byId(base.vpcEndpoints(), VpcEndpoint::id);
      securityGroups = byId(base.securityGroups(), SecurityGroup::id);
    }

    RegionInventory build() {
      return base.toBuilder()
          .runtimes(List.copyOf(runtimes.values()))
          .browsers(List.copyOf(browsers.values()))
          .codeInterpreters(List.copyOf(codeInterpreters.values()))
          .vpcs(List.copyOf(vpcs.values()))
          .subnets(List.copyOf(subnets.values()))
          .routeTables(List.copyOf(routeTables.values()))
          .dhcpOptions(List.copyOf(dhcpOptions.values()))
          .vpcEndpoints(List.copyOf(vpcEndpoints.values()))
          .securityGroups(List.copyOf(securityGroups.values()))
          .build();
    }
  }

  /** One account of the world: its IAM and its regions. */
  static final class Acct {
    final Account account;
    final Map<String, ManagedPolicy> policies;
    final Map<String, IamPrincipal> principals;
    final Map<String, Region> regions = new LinkedHashMap<>();

    Acct(AccountInventory base) {
      account = base.account();
      policies = byId(base.iam().policies(), ManagedPolicy::arn);
      principals = byId(base.iam().principals(), IamPrincipal::arn);
      base.regions().forEach(r -> regions.put(r.region(), new Region(r)));
    }
  }

  private final Snapshot base;
  private final Map<String, Acct> accounts = new LinkedHashMap<>();
  private final Map<String, ServiceControlPolicy> scps;
  private final List<CoverageRecord> coverage;
  private Optional<String> organizationAccount = Optional.empty();

  World(Snapshot base) {
    this.base = base;
    base.accounts().forEach(a -> accounts.put(a.account().id(), new Acct(a)));
    scps = byId(base.organization().map(OrganizationInventory::scps).orElse(List.of()), ServiceControlPolicy::id);
    coverage = new ArrayList<>(base.coverage());
  }

  Acct account(String id) {
    return accounts.computeIfAbsent(id, k -> new Acct(new AccountInventory(Account.of(k), IamInventory.empty(), List.of())));
  }

  Region region(String accountId, String region) {
    return account(accountId).regions.computeIfAbsent(region, r -> new Region(RegionInventory.empty(r)));
  }

  Map<String, ServiceControlPolicy> scps(String managedFromAccount) {
    organizationAccount = organizationAccount.or(() -> Optional.of(managedFromAccount));
    return scps;
  }

  /**
   * The proposed snapshot. Every (account, region, kind) the plan put resources in gets a coverage
   * record: the base's when it has one, else a gap saying the plan alone does not hold the rest of
   * that scope (a plan only lists the resources its configuration manages).
   */
  Snapshot build(CollectionInfo collection) {
    List<AccountInventory> out = new ArrayList<>();
    var index = new io.agentfence.inventory.CoverageIndex(coverage);
    List<CoverageRecord> records = new ArrayList<>(coverage);
    for (Acct a : accounts.values()) {
      List<RegionInventory> regions = new ArrayList<>();
      List<CoverageRecord> gaps = new ArrayList<>(CoverageGaps.global(a.account.id(), NOT_IN_PLAN));
      for (Region r : a.regions.values()) {
        regions.add(r.build());
        gaps.addAll(CoverageGaps.region(a.account.id(), r.base.region(), NOT_IN_PLAN));
      }
      gaps.stream().filter(g -> index.record(g.accountId(), g.region(), g.kind()).isEmpty()).forEach(records::add);
      out.add(new AccountInventory(a.account, new IamInventory(List.copyOf(a.policies.values()),
          List.copyOf(a.principals.values())), regions));
    }
    Optional<OrganizationInventory> org = base.organization();
    if (org.isPresent()) {
      org = Optional.of(new OrganizationInventory(org.get().id(), org.get().managementAccountId(), org.get().units(),
          List.copyOf(scps.values())));
    } else if (organizationAccount.isPresent() && !scps.isEmpty()) {
      String mgmt = organizationAccount.get();
      org = Optional.of(new OrganizationInventory("", mgmt, List.of(), List.copyOf(scps.values())));
      records.add(CoverageGaps.organization(mgmt, NOT_IN_PLAN));
    }
    return new Snapshot(Snapshot.FORMAT_VERSION, collection, org, out, records);
  }

  /** Why a scope of a plan checked without an inventory is not complete. */
  private static final CoverageGaps.Cause NOT_IN_PLAN = new CoverageGaps.Cause(CoverageStatus.NOT_IN_PLAN,
      Optional.empty(), null, "only the Terraform plan was read, and a plan holds only the resources its configuration"
          + " manages; give --inventory FILE or live targets to check against everything deployed");

  static <T> Map<String, T> byId(List<T> list, Function<T, String> id) {
    Map<String, T> m = new LinkedHashMap<>();
    list.forEach(x -> m.put(id.apply(x), x));
    return m;
  }
}
