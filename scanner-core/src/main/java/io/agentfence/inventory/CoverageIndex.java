package io.agentfence.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "was this read?" for checks. A scope with no coverage record at all was never attempted
 * and is treated as unread: fail closed.
 */
public final class CoverageIndex {
  private final Map<String, CoverageRecord> byKey = new HashMap<>();

  public CoverageIndex(List<CoverageRecord> records) {
    for (CoverageRecord r : records) {
      byKey.merge(key(r.accountId(), r.region(), r.kind()), r, CoverageIndex::worse);
    }
  }

  public Optional<CoverageRecord> record(String accountId, String region, ResourceKind kind) {
    return Optional.ofNullable(byKey.get(key(accountId, kind.global() ? CoverageRecord.GLOBAL : region, kind)));
  }

  /** True only when a record says READ (or that nothing can exist there). */
  public boolean isRead(String accountId, String region, ResourceKind kind) {
    return record(accountId, region, kind).map(r -> r.status().isComplete()).orElse(false);
  }

  private static String key(String account, String region, ResourceKind kind) {
    return account + '|' + region + '|' + kind;
  }

  private static CoverageRecord worse(CoverageRecord a, CoverageRecord b) {
    return a.status().isComplete() ? b : a;
  }
}
