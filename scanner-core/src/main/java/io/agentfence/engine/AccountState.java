package io.agentfence.engine;

import io.agentfence.inventory.Account;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CoverageGaps;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.RegionInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one account's scan has planned and read so far, written by its units from worker threads.
 * After {@link #seal()} nothing more is recorded, and the account's part of the snapshot is read
 * from {@link #inventory()} and {@link #coverage(List)}.
 */
final class AccountState {
  /** Replaced once when the organization walk learns the OU path after the account started. */
  volatile Account account;
  /** What the account collectors read (IAM ...), once the account unit has published. */
  private volatile AccountInventory.Builder globals;
  private final Map<String, RegionInventory> regions = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<CoverageRecord> coverage = new ConcurrentLinkedQueue<>();
  /** Entered (or given up on, with its gaps recorded): its units are planned. */
  private volatile boolean settled;
  private volatile boolean accountUnitPlanned;
  private volatile boolean accountUnitDone;
  private final Set<String> plannedRegions = ConcurrentHashMap.newKeySet();
  private final Set<String> doneRegions = ConcurrentHashMap.newKeySet();
  /** Internal errors of units, by region ({@link CoverageRecord#GLOBAL} for the account unit). */
  private final Map<String, String> errors = new ConcurrentHashMap<>();
  /** Units not finished yet; 1 until the account is entered. */
  final AtomicInteger remaining = new AtomicInteger(1);
  private boolean sealed;

  AccountState(Account account) {
    this.account = account;
    this.globals = AccountInventory.builder(account);
  }

  /** The account could not be entered: these gaps stand for all of it, and no unit is planned. */
  void givenUp(List<CoverageRecord> gaps) {
    coverage.addAll(gaps);
    settled = true;
  }

  /** The account was entered: its regions' units and the account unit are planned. */
  void planned(List<CoverageRecord> regionGaps, List<String> readRegions) {
    coverage.addAll(regionGaps);
    plannedRegions.addAll(readRegions);
    remaining.set(readRegions.size() + 1);
    settled = true;
    accountUnitPlanned = true;
  }

  /** Records a finished account unit's results together, unless the scan has already been assembled. */
  synchronized void publishAccount(AccountInventory.Builder read, List<CoverageRecord> records) {
    if (!sealed) {
      globals = read;
      coverage.addAll(records);
      accountUnitDone = true;
    }
  }

  /** Records a finished region unit's results together, unless the scan has already been assembled. */
  synchronized void publishRegion(RegionInventory read, List<CoverageRecord> records) {
    if (!sealed) {
      regions.put(read.region(), read);
      coverage.addAll(records);
      doneRegions.add(read.region());
    }
  }

  /** A unit failed inside agentfence (not a read): its scope gets an InternalError gap. */
  void failed(String scope, RuntimeException e) {
    errors.put(scope, String.valueOf(e));
  }

  /**
   * Stops units from publishing results. The queue waits only 10 s for its workers after a
   * cancel; a worker still inside a read could otherwise add its READ records and mark its region
   * done between {@link #inventory()} and {@link #coverage}: READ coverage for a region missing
   * from the inventory, i.e. "no resources". After sealing, such a late result is dropped and the
   * scope keeps its "Cancelled" gap.
   */
  synchronized void seal() {
    sealed = true;
  }

  /**
   * The account's inventory: a region appears only when at least one of its kinds was read, the
   * account only when something of it was read or Organizations named it. Whatever was not read is
   * told by the coverage records alone, never by an empty entry that looks like "no resources".
   */
  Optional<AccountInventory> inventory() {
    List<RegionInventory> read = new ArrayList<>();
    for (RegionInventory r : regions.values()) {
      if (coverage.stream().anyMatch(c -> c.region().equals(r.region()) && c.status() == CoverageStatus.READ)) {
        read.add(r);
      }
    }
    boolean globalRead = coverage.stream()
        .anyMatch(c -> c.kind().perAccount() && c.status() == CoverageStatus.READ);
    if (read.isEmpty() && !globalRead && account.name().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(globals.account(account).regions(read).build());
  }

  /**
   * Everything recorded, plus a gap for every scope that was planned but never finished.
   *
   * @param wantedRegions the spec's regions (empty: all), for an account never entered
   */
  List<CoverageRecord> coverage(List<String> wantedRegions) {
    List<CoverageRecord> out = new ArrayList<>(coverage);
    String id = account.id();
    if (!settled) {
      out.addAll(CoverageGaps.global(id, unfinished(errors.get(CoverageRecord.GLOBAL))));
      out.addAll(CoverageGaps.regions(id, wantedRegions, unfinished(null)));
      return out;
    }
    if (accountUnitPlanned && !accountUnitDone) {
      out.addAll(CoverageGaps.global(id, unfinished(errors.get(CoverageRecord.GLOBAL))));
    }
    for (String r : plannedRegions) {
      if (!doneRegions.contains(r)) {
        out.addAll(CoverageGaps.region(id, r, unfinished(errors.get(r))));
      }
    }
    return out;
  }

  private static CoverageGaps.Cause unfinished(String error) {
    return error != null ? CoverageGaps.Cause.internal("InternalError", error)
        : CoverageGaps.Cause.internal("Cancelled", "the scan was cancelled before this scope was read");
  }
}
