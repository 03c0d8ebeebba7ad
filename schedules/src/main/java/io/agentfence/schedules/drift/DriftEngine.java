package io.agentfence.schedules.drift;

import io.agentfence.finding.Finding;
import io.agentfence.finding.Status;
import io.agentfence.inventory.CoverageIndex;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Drift between two scans of the same scope. Pure: no I/O, no clock.
 *
 * <p>Fail closed (DESIGN principle 2): a resource is added, removed or changed only when its scope
 * was read in both scans. Otherwise its scope is reported as {@link UnknownScope}: an account
 * whose role could not be assumed tonight has not been deleted.
 */
public final class DriftEngine {
  private DriftEngine() {}

  /** One side of the comparison: the snapshot, its findings (may be empty) and a label. */
  public record Side(String label, Snapshot snapshot, List<Finding> findings) {
    public Side {
      findings = findings == null ? List.of() : List.copyOf(findings);
    }
  }

  public static DriftReport compare(Side before, Side after) {
    SortedMap<ResourceKey, SortedMap<String, String>> old = ResourceFields.of(before.snapshot());
    SortedMap<ResourceKey, SortedMap<String, String>> now = ResourceFields.of(after.snapshot());
    CoverageIndex oldCov = before.snapshot().coverageIndex();
    CoverageIndex newCov = after.snapshot().coverageIndex();

    List<ResourceChange> added = new ArrayList<>();
    List<ResourceChange> removed = new ArrayList<>();
    List<ResourceChange> changed = new ArrayList<>();
    Set<ResourceKey> keys = new TreeSet<>(old.keySet());
    keys.addAll(now.keySet());
    for (ResourceKey k : keys) {
      if (!readInBoth(k.accountId(), k.region(), k.coverageKind(), oldCov, newCov)) {
        continue; // listed under unknown scopes below
      }
      SortedMap<String, String> a = old.get(k);
      SortedMap<String, String> b = now.get(k);
      if (a == null) {
        added.add(new ResourceChange(k, ResourceChange.Type.ADDED, fields(Map.of(), b)));
      } else if (b == null) {
        removed.add(new ResourceChange(k, ResourceChange.Type.REMOVED, fields(a, Map.of())));
      } else {
        List<FieldChange> diff = fields(a, b);
        if (!diff.isEmpty()) {
          changed.add(new ResourceChange(k, ResourceChange.Type.CHANGED, diff));
        }
      }
    }
    return new DriftReport(before.label(), after.label(), added, removed, changed,
        unknownScopes(before.snapshot(), after.snapshot(), keys, oldCov, newCov),
        newFindings(before.findings(), after.findings()),
        resolvedFindings(before.findings(), after.findings(), newCov, after.snapshot()));
  }

  private static boolean readInBoth(String acct, String region, ResourceKind kind, CoverageIndex a, CoverageIndex b) {
    return a.isRead(acct, region, kind) && b.isRead(acct, region, kind);
  }

  private static List<FieldChange> fields(Map<String, String> a, Map<String, String> b) {
    Set<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    List<FieldChange> out = new ArrayList<>();
    for (String n : names) {
      String x = a.get(n);
      String y = b.get(n);
      if (x == null || !x.equals(y)) {
        out.add(FieldChange.of(n, x, y));
      }
    }
    return out;
  }

  private static List<UnknownScope> unknownScopes(
      Snapshot before, Snapshot after, Set<ResourceKey> resources, CoverageIndex oldCov, CoverageIndex newCov) {
    // Every scope either scan attempted or holds resources in.
    Map<String, String[]> scopes = new TreeMap<>();
    for (Snapshot s : List.of(before, after)) {
      for (CoverageRecord c : s.coverage()) {
        scopes.put(c.accountId() + "|" + c.region() + "|" + c.kind(),
            new String[] {c.accountId(), c.region(), c.kind().name()});
      }
    }
    for (ResourceKey k : resources) {
      String region = k.coverageKind().global() ? CoverageRecord.GLOBAL : k.region();
      scopes.put(k.accountId() + "|" + region + "|" + k.coverageKind(),
          new String[] {k.accountId(), region, k.coverageKind().name()});
    }
    List<UnknownScope> out = new ArrayList<>();
    for (String[] s : scopes.values()) {
      ResourceKind kind = ResourceKind.valueOf(s[2]);
      if (!readInBoth(s[0], s[1], kind, oldCov, newCov)) {
        out.add(new UnknownScope(s[0], s[1], kind, status(oldCov, s[0], s[1], kind), status(newCov, s[0], s[1], kind)));
      }
    }
    return out;
  }

  private static String status(CoverageIndex idx, String acct, String region, ResourceKind kind) {
    return idx.record(acct, region, kind).map(r -> r.status().name()).orElse("NOT_ATTEMPTED");
  }

  private static String findingKey(Finding f) {
    return f.ruleId() + "|" + f.resource().arn();
  }

  private static Map<String, Finding> byKey(List<Finding> findings) {
    Map<String, Finding> m = new HashMap<>();
    for (Finding f : findings) {
      // several findings of a rule on one resource: a FAIL wins, it is what the team acts on
      m.merge(findingKey(f), f, (x, y) -> x.failed() ? x : y);
    }
    return m;
  }

  private static List<FindingChange> newFindings(List<Finding> before, List<Finding> after) {
    Map<String, Finding> old = byKey(before);
    List<FindingChange> out = new ArrayList<>();
    for (Finding f : new TreeMap<>(byKey(after)).values()) {
      Finding was = old.get(findingKey(f));
      if (f.failed() && (was == null || !was.failed())) {
        out.add(new FindingChange(f.ruleId(), f.resource(), f.severity(), f.message(),
            Optional.ofNullable(was).map(Finding::status), Optional.of(Status.FAIL)));
      }
    }
    return out;
  }

  /**
   * A failure is resolved when the rule now passes, or when it is gone and its account and region
   * were fully read (the resource was really removed). UNKNOWN never resolves anything.
   */
  private static List<FindingChange> resolvedFindings(
      List<Finding> before, List<Finding> after, CoverageIndex newCov, Snapshot afterSnapshot) {
    Map<String, Finding> now = byKey(after);
    List<FindingChange> out = new ArrayList<>();
    for (Finding f : new TreeMap<>(byKey(before)).values()) {
      if (!f.failed()) {
        continue;
      }
      Finding is = now.get(findingKey(f));
      boolean resolved = is == null
          ? scopeFullyRead(afterSnapshot, f.resource().accountId(), f.resource().region())
          : is.status() == Status.PASS;
      if (resolved) {
        out.add(new FindingChange(f.ruleId(), f.resource(), f.severity(), f.message(),
            Optional.of(Status.FAIL), Optional.ofNullable(is).map(Finding::status)));
      }
    }
    return out;
  }

  private static boolean scopeFullyRead(Snapshot s, String acct, String region) {
    List<CoverageRecord> records = s.coverage().stream()
        .filter(c -> c.accountId().equals(acct))
        .filter(c -> c.region().equals(region) || c.region().equals(CoverageRecord.GLOBAL))
        .toList();
    return !records.isEmpty() && records.stream().allMatch(c -> c.status().isComplete());
  }
}
