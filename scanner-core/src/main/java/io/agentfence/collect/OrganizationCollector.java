package io.agentfence.collect;

import static io.agentfence.collect.Reads.call;

import io.agentfence.inventory.Account;
import io.agentfence.inventory.OrgUnit;
import io.agentfence.inventory.OrganizationInventory;
import io.agentfence.inventory.PolicyDocument;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.ServiceControlPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * Reads the organization from the management or a delegated-administrator account: the OU tree,
 * the accounts with their OU path, and the SCPs with their targets.
 *
 * <p>OU paths: the tree is walked once (ListRoots, ListOrganizationalUnitsForParent per root/OU),
 * so each account then needs one ListParents for its direct parent; the rest of the path comes from
 * the tree, instead of ListParents at every level.
 */
public final class OrganizationCollector {
  private OrganizationCollector() {}

  /**
   * @param accounts every account listed, with state and OU path (root first)
   */
  public record Result(Optional<OrganizationInventory> organization, List<Account> accounts) {}

  /**
   * @param needsPath accounts for which the OU path is worth a ListParents call (e.g. not suspended,
   *                  not excluded by id)
   */
  public static Result collect(OrganizationsClient org, Reads reads, Predicate<Account> needsPath) {
    List<Account> accounts = new ArrayList<>();
    List<OrgUnit> units = new ArrayList<>();
    List<ServiceControlPolicy> scps = new ArrayList<>();
    String[] ids = new String[2];
    reads.kind(ResourceKind.ORGANIZATIONS, () -> {
      var o = call(ReadOperation.ORG_DESCRIBE_ORGANIZATION, () -> org.describeOrganization(r -> {})).organization();
      if (o == null || o.masterAccountId() == null) {
        throw ReadFailure.malformed(ReadOperation.ORG_DESCRIBE_ORGANIZATION, "DescribeOrganization returned no organization");
      }
      ids[0] = o.id();
      ids[1] = o.masterAccountId();
      readTree(org, units);
      readAccounts(org, units, accounts, needsPath);
      readScps(org, scps);
    });
    if (ids[1] == null) {
      return new Result(Optional.empty(), accounts);
    }
    // Even when part of it failed, what was read is kept; the ORGANIZATIONS gap marks it unread.
    return new Result(Optional.of(new OrganizationInventory(ids[0], ids[1], units, scps)), accounts);
  }

  private static void readTree(OrganizationsClient org, List<OrgUnit> units) {
    var roots = call(ReadOperation.ORG_LIST_ROOTS,
        () -> org.listRootsPaginator(r -> {}).stream().flatMap(p -> p.roots().stream()).toList());
    Deque<String> parents = new ArrayDeque<>();
    for (var root : roots) {
      units.add(new OrgUnit(root.id(), root.name(), Optional.empty()));
      parents.add(root.id());
    }
    while (!parents.isEmpty()) {
      String parent = parents.poll();
      var children = call(ReadOperation.ORG_LIST_ORGANIZATIONAL_UNITS_FOR_PARENT,
          () -> org.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent)).stream()
              .flatMap(p -> p.organizationalUnits().stream()).toList());
      for (var ou : children) {
        units.add(new OrgUnit(ou.id(), ou.name(), Optional.of(parent)));
        parents.add(ou.id());
      }
    }
  }

  private static void readAccounts(
      OrganizationsClient org, List<OrgUnit> units, List<Account> out, Predicate<Account> needsPath) {
    Map<String, OrgUnit> byId = new HashMap<>();
    units.forEach(u -> byId.put(u.id(), u));
    var listed = call(ReadOperation.ORG_LIST_ACCOUNTS,
        () -> org.listAccountsPaginator(r -> {}).stream().flatMap(p -> p.accounts().stream()).toList());
    for (var a : listed) {
      // state() supersedes status(), which AWS retires in 2026 (research B.3).
      String state = a.stateAsString() != null ? a.stateAsString() : a.statusAsString();
      Account bare = new Account(a.id(), Optional.ofNullable(a.name()), Optional.ofNullable(state), List.of());
      if (!needsPath.test(bare)) {
        out.add(bare);
        continue;
      }
      var parents = call(ReadOperation.ORG_LIST_PARENTS,
          () -> org.listParentsPaginator(r -> r.childId(a.id())).stream().flatMap(p -> p.parents().stream()).toList());
      if (parents.isEmpty()) {
        throw ReadFailure.malformed(ReadOperation.ORG_LIST_PARENTS, "account " + a.id() + " has no parent");
      }
      List<String> path = new ArrayList<>();
      String cursor = parents.get(0).id();
      while (cursor != null) {
        path.add(0, cursor);
        OrgUnit u = byId.get(cursor);
        if (u == null) {
          throw ReadFailure.malformed(ReadOperation.ORG_LIST_PARENTS,
              "account " + a.id() + " has parent " + cursor + " that is not in the OU tree");
        }
        cursor = u.parentId().orElse(null);
      }
      out.add(new Account(a.id(), bare.name(), bare.status(), path));
    }
  }

  private static void readScps(OrganizationsClient org, List<ServiceControlPolicy> out) {
    var listed = call(ReadOperation.ORG_LIST_POLICIES,
        () -> org.listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).stream()
            .flatMap(p -> p.policies().stream()).toList());
    Map<String, ServiceControlPolicy> byId = new LinkedHashMap<>();
    for (var s : listed) {
      var policy = call(ReadOperation.ORG_DESCRIBE_POLICY, () -> org.describePolicy(r -> r.policyId(s.id()))).policy();
      if (policy == null || policy.content() == null) {
        throw ReadFailure.malformed(ReadOperation.ORG_DESCRIBE_POLICY, "SCP " + s.id() + " has no content");
      }
      var targets = call(ReadOperation.ORG_LIST_TARGETS_FOR_POLICY,
          () -> org.listTargetsForPolicyPaginator(r -> r.policyId(s.id())).stream()
              .flatMap(p -> p.targets().stream()).map(t -> t.targetId()).toList());
      byId.put(s.id(), new ServiceControlPolicy(s.id(), s.arn(), s.name(), Boolean.TRUE.equals(s.awsManaged()),
          new PolicyDocument(policy.content()), targets));
    }
    out.addAll(byId.values());
  }
}
