package io.agentfence.schedules.source;

import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.OrganizationInventory;
import io.agentfence.inventory.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins the per-account part snapshots of a run into the run's snapshot. Accounts are ordered by
 * id so the result does not depend on which node finished first.
 */
public final class SnapshotMerger {
  private SnapshotMerger() {}

  public static Snapshot merge(List<Snapshot> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    Map<String, AccountInventory> accounts = new LinkedHashMap<>();
    List<CoverageRecord> coverage = new ArrayList<>();
    Optional<OrganizationInventory> org = Optional.empty();
    Set<String> requestedAccounts = new LinkedHashSet<>();
    Set<String> requestedRegions = new LinkedHashSet<>();
    Optional<Instant> started = Optional.empty();
    Optional<Instant> finished = Optional.empty();
    boolean cancelled = false;
    for (Snapshot p : parts) {
      p.accounts().forEach(a -> accounts.putIfAbsent(a.account().id(), a));
      coverage.addAll(p.coverage());
      if (org.isEmpty()) {
        org = p.organization();
      }
      CollectionInfo c = p.collection();
      requestedAccounts.addAll(c.requestedAccounts());
      requestedRegions.addAll(c.requestedRegions());
      started = min(started, c.startedAt());
      finished = max(finished, c.finishedAt());
      cancelled |= c.cancelled();
    }
    CollectionInfo first = parts.get(0).collection();
    CollectionInfo info = new CollectionInfo(first.tool(), first.source(), started, finished,
        List.copyOf(requestedAccounts), List.copyOf(requestedRegions), cancelled);
    List<AccountInventory> sorted = accounts.values().stream()
        .sorted(Comparator.comparing(a -> a.account().id())).toList();
    coverage.sort(Comparator.comparing(CoverageRecord::accountId).thenComparing(CoverageRecord::region)
        .thenComparing(CoverageRecord::kind));
    return new Snapshot(Snapshot.FORMAT_VERSION, info, org, sorted, coverage);
  }

  private static Optional<Instant> min(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
  }

  private static Optional<Instant> max(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
  }
}
