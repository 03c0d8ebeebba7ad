package io.agentfence.schedules.drift;

import io.agentfence.inventory.ResourceKind;

/**
 * Identity of a resource across two scans, and the coverage scope that says whether it was read.
 *
 * @param type         {@code runtime}, {@code runtime-endpoint}, {@code route-table}, ...
 * @param coverageKind the collection unit whose coverage decides whether the resource was read
 */
public record ResourceKey(String type, String accountId, String region, String id, ResourceKind coverageKind)
    implements Comparable<ResourceKey> {
  @Override
  public int compareTo(ResourceKey o) {
    int c = accountId.compareTo(o.accountId);
    c = c != 0 ? c : region.compareTo(o.region);
    c = c != 0 ? c : type.compareTo(o.type);
    return c != 0 ? c : id.compareTo(o.id);
  }

  public String render() {
    return type + " " + id + " (" + accountId + "/" + region + ")";
  }
}
