package io.agentfence.collect;

import static io.agentfence.collect.Reads.call;

import io.agentfence.inventory.Account;
import io.agentfence.inventory.CoverageStatus;
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
  /** Read once per organization by the target walk, not per account: no registration. */
  static final KindReads ORGANIZATIONS = KindReads.of(ResourceKind.ORGANIZATIONS, ReadOperation.ORG_LIST_ACCOUNTS,
      ReadOperation.ORG_DESCRIBE_ORGANIZATION, ReadOperation.ORG_LIST_ROOTS,
      ReadOperation.ORG_LIST_ORGANIZATIONAL_UNITS_FOR_PARENT, ReadOperation.ORG_LIST_PARENTS,
      ReadOperation.ORG_LIST_POLICIES, ReadOperation.ORG_DESCRIBE_POLICY, ReadOperation.ORG_LIST_TARGETS_FOR_POLICY);

  private OrganizationCollector() {}

  /**
   * @param accounts every account listed, with state and OU path (root first)
   */
  public record Result(Optional<OrganizationInventory> organization, List<Account> accounts) {}

  /**
   * Hears about the accounts while the walk goes on, so that a scan can start reading an account
   * before the walk ends (ListParents is one call per account against the management account's
   * quota: at hundreds of accounts it is the longest part of the walk). Called on the walking thread.
   */
  public interface Listener {
    /** ListAccounts answered completely: every account listed, in order, without its OU path yet. */
    default void listed(List<Account> accounts) {}

    /** The account's OU path is known (its ListParents answered). */
    default void placed(Account account) {}

    /**
     * The account's ListParents failed: its OU path is unknown. The walk goes on with the next
     * account; the ORGANIZATIONS coverage record carries the failure.
     */
    default void unplaced(Account account, ReadFailure failure) {}
  }

  /**
   * @param needsPath accounts for which the OU path is worth a ListParents call (e.g. not suspended,
   *                  not excluded by id)
   */
  public static Result collect(OrganizationsClient org, Reads reads, Predicate<Account> needsPath) {
    return collect(org, reads, needsPath, new Listener() {});
  }

  /** As {@link #collect(OrganizationsClient, Reads, Predicate)}, telling {@code listener} as accounts become known. */
  public static Result collect(OrganizationsClient org, Reads reads, Predicate<Account> needsPath, Listener listener) {
    List<Account> accounts = new ArrayList<>();
    List<OrgUnit> units = new ArrayList<>();
    List<ServiceControlPolicy> scps = new ArrayList<>();
    String[] ids = new String[2];
    reads.kind(ORGANIZATIONS, () -> {
      var o = call(ReadOperation.ORG_DESCRIBE_ORGANIZATION, () -> org.describeOrganization(r -> {})).organization();
      if (o == null || o.masterAccountId() == null) {
        throw ReadFailure.malformed(ReadOperation.ORG_DESCRIBE_ORGANIZATION, "DescribeOrganization returned no organization");
      }
      ids[0] = o.id();
      ids[1] = o.masterAccountId();
      readTree(org, units);
      Optional<ReadFailure> unplaced = readAccounts(org, units, accounts, needsPath, listener);
      try {
        readScps(org, scps);
      } catch (ReadFailure f) {
        throw unplaced.orElse(f);
      }
      if (unplaced.isPresent()) {
        // Every account was still listed and told to the listener; the kind is not READ.
        throw unplaced.get();
      }
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

  /**
   * Lists the accounts and the OU path of each that needs one. A failed ListParents does not end
   * the walk: the accounts listed after it must not silently vanish from the scan. The account
   * keeps an empty path and is told to the listener as unplaced; after a failure that concerns
   * the caller rather than the account (denied, throttled out) the remaining accounts are not
   * asked again but told as unplaced with the same failure.
   *
   * @return the first ListParents failure, if any
   */
  private static Optional<ReadFailure> readAccounts(OrganizationsClient org, List<OrgUnit> units, List<Account> out,
      Predicate<Account> needsPath, Listener listener) {
    Map<String, OrgUnit> byId = new HashMap<>();
    units.forEach(u -> byId.put(u.id(), u));
    var listed = call(ReadOperation.ORG_LIST_ACCOUNTS,
        () -> org.listAccountsPaginator(r -> {}).stream().flatMap(p -> p.accounts().stream()).toList());
    List<Account> bare = new ArrayList<>();
    for (var a : listed) {
      // state() supersedes status(), which AWS retires in 2026 (research B.3).
      String state = a.stateAsString() != null ? a.stateAsString() : a.statusAsString();
      bare.add(new Account(a.id(), Optional.ofNullable(a.name()), Optional.ofNullable(state), List.of()));
    }
    listener.listed(List.copyOf(bare));
    ReadFailure first = null;
    ReadFailure blockedBy = null;
    for (Account b : bare) {
      if (!needsPath.test(b)) {
        out.add(b);
        continue;
      }
      if (blockedBy != null) {
        out.add(b);
        listener.unplaced(b, blockedBy);
        continue;
      }
      Account placed;
      try {
        placed = new Account(b.id(), b.name(), b.status(), path(org, byId, b.id()));
      } catch (ScanCancelledException c) {
        throw c;
      } catch (RuntimeException e) {
        // A failed call, or our own mapping choking on an answer: neither ends the walk.
        ReadFailure f = ReadFailure.of(ReadOperation.ORG_LIST_PARENTS, e);
        first = first == null ? f : first;
        if (f.status() == CoverageStatus.DENIED || f.status() == CoverageStatus.THROTTLED_OUT) {
          blockedBy = f;
        }
        out.add(b);
        listener.unplaced(b, f);
        continue;
      }
      out.add(placed);
      listener.placed(placed);
    }
    return Optional.ofNullable(first);
  }

  private static List<String> path(OrganizationsClient org, Map<String, OrgUnit> byId, String accountId) {
    var parents = call(ReadOperation.ORG_LIST_PARENTS,
        () -> org.listParentsPaginator(r -> r.childId(accountId)).stream().flatMap(p -> p.parents().stream()).toList());
    if (parents.isEmpty()) {
      throw ReadFailure.malformed(ReadOperation.ORG_LIST_PARENTS, "account " + accountId + " has no parent");
    }
    List<String> path = new ArrayList<>();
    String cursor = parents.get(0).id();
    while (cursor != null) {
      path.add(0, cursor);
      OrgUnit u = byId.get(cursor);
      if (u == null) {
        throw ReadFailure.malformed(ReadOperation.ORG_LIST_PARENTS,
            "account " + accountId + " has parent " + cursor + " that is not in the OU tree");
      }
      cursor = u.parentId().orElse(null);
    }
    return path;
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
