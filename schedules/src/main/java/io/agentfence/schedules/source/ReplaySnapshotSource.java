package io.agentfence.schedules.source;

import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Replays a sequence of snapshots, one per run: run n gets snapshot n, and the last one repeats.
 * Used to demonstrate and test history and drift without AWS. A part gets the accounts of the
 * snapshot that belong to it, with their coverage, so per-account fan-out works as with live scans.
 */
public final class ReplaySnapshotSource implements SnapshotSource {
  private final List<Snapshot> snapshots;
  /** Which snapshot each run (identified by its fire) uses: the index advances once per run. */
  private final Map<Long, Integer> runIndex = new ConcurrentHashMap<>();
  private int next;

  public ReplaySnapshotSource(List<Snapshot> snapshots) {
    if (snapshots.isEmpty()) {
      throw new IllegalArgumentException("at least one snapshot is needed");
    }
    this.snapshots = List.copyOf(snapshots);
  }

  public static ReplaySnapshotSource ofFiles(List<Path> files) {
    return new ReplaySnapshotSource(files.stream().map(SnapshotJson::read).toList());
  }

  /** Advances to the next snapshot of the sequence; the scheduler calls it once per run. */
  public synchronized Snapshot current(long runKey) {
    int i = runIndex.computeIfAbsent(runKey, k -> Math.min(next++, snapshots.size() - 1));
    return snapshots.get(i);
  }

  @Override
  public Snapshot collect(ScanPart part) {
    return slice(current(part.runId()), part);
  }

  /** The part's accounts (or everything for the whole-scope part), with their coverage. */
  public static Snapshot slice(Snapshot s, ScanPart part) {
    if (part.accounts().isEmpty() || part.key().equals(ScanPart.WHOLE_SCOPE)) {
      return s;
    }
    Predicate<String> mine = part.accounts()::contains;
    List<AccountInventory> accounts = s.accounts().stream().filter(a -> mine.test(a.account().id())).toList();
    List<CoverageRecord> coverage = s.coverage().stream().filter(c -> mine.test(c.accountId())).toList();
    return new Snapshot(s.formatVersion(), s.collection(), s.organization(), accounts, coverage);
  }
}
