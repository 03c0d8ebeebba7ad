package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/**
 * What Organizations told us: the management account, roots and OUs, and the SCPs with their
 * targets. Present only when the scan ran with {@code --org}.
 */
public record OrganizationInventory(
    String id, String managementAccountId, List<OrgUnit> units, List<ServiceControlPolicy> scps) {
  public OrganizationInventory {
    id = id == null ? "" : id;
    Values.require(managementAccountId, "managementAccountId");
    units = Values.list(units);
    scps = Values.list(scps);
  }

  public Optional<OrgUnit> unit(String id) {
    return units.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  /** SCPs attached to the target (root, OU or account id). */
  public List<ServiceControlPolicy> scpsTargeting(String targetId) {
    return scps.stream().filter(p -> p.targetIds().contains(targetId)).toList();
  }
}
