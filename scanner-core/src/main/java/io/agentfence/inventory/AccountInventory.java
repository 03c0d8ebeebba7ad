package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/**
 * Everything read in one account: its identity, its (global) IAM configuration and one entry per
 * region. A region that was not read still appears in coverage, not necessarily here.
 */
public record AccountInventory(Account account, IamInventory iam, List<RegionInventory> regions) {
  public AccountInventory {
    if (account == null) {
      throw new IllegalArgumentException("account is required");
    }
    iam = iam == null ? IamInventory.empty() : iam;
    regions = Values.list(regions);
  }

  /**
   * Builds an account inventory by name, so that adding a per-account kind of resource (read once
   * per account, like IAM) adds one setter here instead of changing every constructor call.
   */
  public static Builder builder(Account account) {
    return new Builder(account);
  }

  /** Mutable and single-use; absent parts are empty. */
  public static final class Builder {
    private Account account;
    private IamInventory iam = IamInventory.empty();
    private List<RegionInventory> regions = List.of();

    private Builder(Account account) {
      this.account = account;
    }

    public Builder account(Account v) {
      account = v;
      return this;
    }

    public Builder iam(IamInventory v) {
      iam = v;
      return this;
    }

    public Builder regions(List<RegionInventory> v) {
      regions = v;
      return this;
    }

    public AccountInventory build() {
      return new AccountInventory(account, iam, regions);
    }
  }

  public Optional<RegionInventory> region(String name) {
    return regions.stream().filter(r -> r.region().equals(name)).findFirst();
  }
}
