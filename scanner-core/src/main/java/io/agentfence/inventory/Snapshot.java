package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/**
 * The inventory snapshot, format version 1: the one contract between collecting and checking
 * (DESIGN principle 5). {@code agentfence collect} writes it, {@code agentfence check} reads it,
 * history stores it and fixtures are written in it. Its JSON form is documented by
 * {@code docs/inventory-v1.schema.json}.
 *
 * <p>Whatever was not read is recorded in {@link #coverage()}; an empty list of resources only
 * means "none" where the matching coverage record is {@link CoverageStatus#READ}.
 */
public record Snapshot(
    int formatVersion,
    CollectionInfo collection,
    Optional<OrganizationInventory> organization,
    List<AccountInventory> accounts,
    List<CoverageRecord> coverage) {

  public static final int FORMAT_VERSION = 1;

  public Snapshot {
    collection = collection == null ? CollectionInfo.empty() : collection;
    organization = Values.opt(organization);
    accounts = Values.list(accounts);
    coverage = Values.list(coverage);
  }

  public static Snapshot of(
      CollectionInfo collection,
      Optional<OrganizationInventory> organization,
      List<AccountInventory> accounts,
      List<CoverageRecord> coverage) {
    return new Snapshot(FORMAT_VERSION, collection, organization, accounts, coverage);
  }

  public Optional<AccountInventory> account(String accountId) {
    return accounts.stream().filter(a -> a.account().id().equals(accountId)).findFirst();
  }

  /** A view answering coverage questions; build once per check run, it indexes the records. */
  public CoverageIndex coverageIndex() {
    return new CoverageIndex(coverage);
  }

  /**
   * True only when the snapshot proves it read everything it holds: collection was not cancelled,
   * every coverage record is READ (or nothing can exist there: NOT_OFFERED, REGION_DISABLED), and
   * every account and region present has a record for every resource kind (IAM for the account,
   * ORGANIZATIONS when an organization is present). A scope with no record was never attempted,
   * so an empty coverage list proves nothing: fail closed.
   */
  public boolean complete() {
    if (collection.cancelled() || (accounts.isEmpty() && coverage.isEmpty())) {
      return false;
    }
    if (!coverage.stream().allMatch(c -> c.status().isComplete())) {
      return false;
    }
    CoverageIndex index = coverageIndex();
    if (organization.isPresent() && coverage.stream().noneMatch(c -> c.kind() == ResourceKind.ORGANIZATIONS)) {
      return false;
    }
    for (AccountInventory a : accounts) {
      String id = a.account().id();
      if (index.record(id, CoverageRecord.GLOBAL, ResourceKind.IAM).isEmpty()) {
        return false;
      }
      for (RegionInventory r : a.regions()) {
        for (ResourceKind kind : ResourceKind.values()) {
          if (!kind.global() && index.record(id, r.region(), kind).isEmpty()) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
