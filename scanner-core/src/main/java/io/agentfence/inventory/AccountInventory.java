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

  public Optional<RegionInventory> region(String name) {
    return regions.stream().filter(r -> r.region().equals(name)).findFirst();
  }
}
