package io.agentfence.schedules.history;

import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.schedules.config.Retention;
import io.agentfence.schedules.history.PartRecord.PartStatus;
import io.agentfence.schedules.source.ScanPart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The scan history in our own tables (AF_RUN, AF_RUN_PART, AF_RUN_FINDING). Every state change is
 * one transaction; a run's snapshot, findings and final status are written together, and a run
 * row is only ever moved out of RUNNING once ({@code WHERE STATUS = 'RUNNING'}), which is what
 * makes completion exactly-once across cluster nodes.
 */
public final class HistoryStore {
  private static final String RUN_COLUMNS = "ID, SCHEDULE_NAME, FIRE_KEY, SCOPE_KEY, STATUS, STARTED_AT,"
      + " FINISHED_AT, PARTS_TOTAL, MESSAGE, FAIL_COUNT, UNKNOWN_COUNT, FINDING_COUNT";

  private final DataSource ds;

  public HistoryStore(DataSource ds) {
    this.ds = ds;
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T tx(String what, Work<T> work) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new HistoryException("history store: cannot " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * The run of one trigger fire: created with its parts on the first call, found again when a
   * recovered coordinator calls a second time.
   */
  public RunRecord openRun(String schedule, String fireKey, String scopeKey, List<ScanPart> parts, Instant now) {
    Optional<RunRecord> existing = runByFire(schedule, fireKey);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      long created = tx("create run", c -> {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO AF_RUN (SCHEDULE_NAME, FIRE_KEY, SCOPE_KEY,"
            + " STATUS, STARTED_AT, PARTS_TOTAL) VALUES (?, ?, ?, 'RUNNING', ?, ?)",
            java.sql.Statement.RETURN_GENERATED_KEYS)) {
          ps.setString(1, schedule);
          ps.setString(2, fireKey);
          ps.setString(3, scopeKey);
          ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
          ps.setInt(5, parts.size());
          ps.executeUpdate();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO AF_RUN_PART (RUN_ID, PART_KEY, ACCOUNTS, STATUS) VALUES (?, ?, ?, 'PENDING')")) {
          for (ScanPart p : parts) {
            ps.setLong(1, id);
            ps.setString(2, p.key());
            ps.setString(3, String.join(",", p.accounts()));
            ps.addBatch();
          }
          ps.executeBatch();
        }
        return id;
      });
      return run(created).orElseThrow();
    } catch (HistoryException e) {
      // another node created it between our look-up and insert (unique fire key): use theirs
      return runByFire(schedule, fireKey).orElseThrow(() -> e);
    }
  }

  public Optional<RunRecord> runByFire(String schedule, String fireKey) {
    return tx("read run", c -> one(c, "SELECT " + RUN_COLUMNS + " FROM AF_RUN WHERE SCHEDULE_NAME = ? AND FIRE_KEY = ?",
        schedule, fireKey));
  }

  public Optional<RunRecord> run(long id) {
    return tx("read run", c -> one(c, "SELECT " + RUN_COLUMNS + " FROM AF_RUN WHERE ID = ?", id));
  }

  /** Runs still in progress, of one schedule or of all. */
  public List<RunRecord> running(Optional<String> schedule) {
    return tx("list running runs", c -> schedule.isPresent()
        ? many(c, "SELECT " + RUN_COLUMNS + " FROM AF_RUN WHERE STATUS = 'RUNNING' AND SCHEDULE_NAME = ? ORDER BY ID",
            schedule.get())
        : many(c, "SELECT " + RUN_COLUMNS + " FROM AF_RUN WHERE STATUS = 'RUNNING' ORDER BY ID"));
  }

  /** Newest first. */
  public List<RunRecord> runs(Optional<String> schedule, int limit) {
    String sql = "SELECT " + RUN_COLUMNS + " FROM AF_RUN"
        + (schedule.isPresent() ? " WHERE SCHEDULE_NAME = ?" : "") + " ORDER BY ID DESC";
    List<RunRecord> all = tx("list runs", c -> schedule.isPresent() ? many(c, sql, schedule.get()) : many(c, sql));
    return all.subList(0, Math.min(limit, all.size()));
  }

  /** The latest finished (COMPLETE or INCOMPLETE) run of the same schedule and scope before {@code id}. */
  public Optional<RunRecord> previousFinished(String schedule, String scopeKey, long beforeId) {
    List<RunRecord> l = tx("read previous run", c -> many(c, "SELECT " + RUN_COLUMNS + " FROM AF_RUN"
        + " WHERE SCHEDULE_NAME = ? AND SCOPE_KEY = ? AND ID < ? AND STATUS IN ('COMPLETE', 'INCOMPLETE')"
        + " ORDER BY ID DESC", schedule, scopeKey, beforeId));
    return l.stream().findFirst();
  }

  public List<PartRecord> parts(long runId) {
    return tx("read parts", c -> {
      List<PartRecord> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT PART_KEY, ACCOUNTS, STATUS, NODE, ATTEMPTS, MESSAGE"
          + " FROM AF_RUN_PART WHERE RUN_ID = ? ORDER BY PART_KEY")) {
        ps.setLong(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String accounts = rs.getString(2);
            out.add(new PartRecord(runId, rs.getString(1),
                accounts.isEmpty() ? List.of() : Arrays.asList(accounts.split(",")),
                PartStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getString(6)));
          }
        }
      }
      return out;
    });
  }

  /** Records that {@code node} starts (or restarts, after a failover) collecting a part. */
  public void startPart(long runId, String partKey, String node) {
    tx("start part", c -> update(c, "UPDATE AF_RUN_PART SET NODE = ?, ATTEMPTS = ATTEMPTS + 1"
        + " WHERE RUN_ID = ? AND PART_KEY = ? AND STATUS = 'PENDING'", node, runId, partKey));
  }

  /** What settling a part means for its run. */
  public enum Settled { MORE_PENDING, LAST, RUN_NOT_RUNNING }

  /**
   * Stores a part's outcome and says whether it was the last one. The run row is locked (SELECT
   * ... FOR UPDATE) so that two nodes finishing the last two parts at once serialise here and
   * exactly one of them sees "last". A part already settled is left as it is (recovery re-runs).
   */
  public Settled settlePart(long runId, String partKey, String node, PartStatus status, byte[] snapshotGz,
      String message) {
    return tx("store part", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT STATUS FROM AF_RUN WHERE ID = ? FOR UPDATE")) {
        ps.setLong(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next() || !rs.getString(1).equals(RunStatus.RUNNING.name())) {
            return Settled.RUN_NOT_RUNNING;
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE AF_RUN_PART SET STATUS = ?, NODE = ?, SNAPSHOT_GZ = ?,"
          + " MESSAGE = ? WHERE RUN_ID = ? AND PART_KEY = ? AND STATUS = 'PENDING'")) {
        ps.setString(1, status.name());
        ps.setString(2, node);
        ps.setBytes(3, snapshotGz);
        ps.setString(4, clip(message));
        ps.setLong(5, runId);
        ps.setString(6, partKey);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*) FROM AF_RUN_PART WHERE RUN_ID = ? AND STATUS = 'PENDING'")) {
        ps.setLong(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1) == 0 ? Settled.LAST : Settled.MORE_PENDING;
        }
      }
    });
  }

  /** The snapshots of a run's collected parts, in part order. */
  public List<Snapshot> partSnapshots(long runId) {
    return tx("read part snapshots", c -> {
      List<Snapshot> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT PART_KEY, SNAPSHOT_GZ FROM AF_RUN_PART"
          + " WHERE RUN_ID = ? AND STATUS = 'DONE' ORDER BY PART_KEY")) {
        ps.setLong(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(Gzip.readSnapshot(rs.getBytes(2), "run " + runId + " part " + rs.getString(1)));
          }
        }
      }
      return out;
    });
  }

  /**
   * Stores the run's snapshot, findings and coverage and its final status in one transaction.
   * Returns false (and stores nothing) when the run is no longer RUNNING: another node finished it.
   */
  public boolean finishRun(long runId, FinishedRun r) {
    return tx("finish run", c -> {
      long fails = r.findings().stream().filter(Finding::counts).count();
      long unknown = r.findings().stream().filter(f -> f.status() == Status.UNKNOWN).count();
      int n;
      try (PreparedStatement ps = c.prepareStatement("UPDATE AF_RUN SET STATUS = ?, FINISHED_AT = ?, MESSAGE = ?,"
          + " FAIL_COUNT = ?, UNKNOWN_COUNT = ?, FINDING_COUNT = ?, SNAPSHOT_GZ = ?, COVERAGE_GZ = ?"
          + " WHERE ID = ? AND STATUS = 'RUNNING'")) {
        ps.setString(1, r.status().name());
        ps.setObject(2, OffsetDateTime.ofInstant(r.finishedAt(), ZoneOffset.UTC));
        ps.setString(3, clip(r.message()));
        ps.setInt(4, (int) fails);
        ps.setInt(5, (int) unknown);
        ps.setInt(6, r.findings().size());
        ps.setBytes(7, Gzip.snapshot(r.snapshot()));
        ps.setBytes(8, Gzip.text(SnapshotJson.mapper().writeValueAsString(r.snapshot().coverage())));
        ps.setLong(9, runId);
        n = ps.executeUpdate();
      }
      if (n == 0) {
        c.rollback();
        return false;
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO AF_RUN_FINDING (RUN_ID, SEQ, RULE_ID, STATUS,"
          + " SEVERITY, RESOURCE_KIND, RESOURCE_ID, RESOURCE_ARN, ACCOUNT_ID, REGION, MESSAGE, SUPPRESSED)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int seq = 0;
        for (Finding f : r.findings()) {
          ps.setLong(1, runId);
          ps.setInt(2, seq++);
          ps.setString(3, f.ruleId());
          ps.setString(4, f.status().name());
          ps.setString(5, f.severity().name());
          ps.setString(6, f.resource().kind());
          ps.setString(7, f.resource().id());
          ps.setString(8, f.resource().arn());
          ps.setString(9, f.resource().accountId());
          ps.setString(10, f.resource().region());
          ps.setString(11, clip(f.message()));
          ps.setBoolean(12, f.suppression().isPresent());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      // the parts were only a staging area; the run's snapshot now holds everything
      update(c, "UPDATE AF_RUN_PART SET SNAPSHOT_GZ = NULL WHERE RUN_ID = ?", runId);
      return true;
    });
  }

  /** Moves a RUNNING run to FAILED or ABANDONED (no snapshot). False when it was not RUNNING. */
  public boolean endWithout(long runId, RunStatus status, String message, Instant now) {
    if (status != RunStatus.FAILED && status != RunStatus.ABANDONED) {
      throw new IllegalArgumentException(status + " needs a snapshot");
    }
    return tx("end run", c -> update(c, "UPDATE AF_RUN SET STATUS = ?, MESSAGE = ?, FINISHED_AT = ?"
        + " WHERE ID = ? AND STATUS = 'RUNNING'", status.name(), clip(message),
        OffsetDateTime.ofInstant(now, ZoneOffset.UTC), runId) > 0);
  }

  public Optional<Snapshot> snapshot(long runId) {
    return tx("read snapshot", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT SNAPSHOT_GZ FROM AF_RUN WHERE ID = ?")) {
        ps.setLong(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next() || rs.getBytes(1) == null) {
            return Optional.<Snapshot>empty();
          }
          return Optional.of(Gzip.readSnapshot(rs.getBytes(1), "run " + runId));
        }
      }
    });
  }

  /** The findings of a finished run as stored (evidence chains are in the run's reports). */
  public List<Finding> findings(long runId) {
    return tx("read findings", c -> {
      List<Finding> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT RULE_ID, STATUS, SEVERITY, RESOURCE_KIND, RESOURCE_ID,"
          + " RESOURCE_ARN, ACCOUNT_ID, REGION, MESSAGE, SUPPRESSED FROM AF_RUN_FINDING WHERE RUN_ID = ? ORDER BY SEQ")) {
        ps.setLong(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ResourceRef ref = new ResourceRef(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8));
            Map<String, String> props = rs.getBoolean(10) ? Map.of("suppressed", "true") : Map.of();
            out.add(new Finding(rs.getString(1), Status.valueOf(rs.getString(2)), Severity.valueOf(rs.getString(3)),
                ref, rs.getString(9), List.of(), props));
          }
        }
      }
      return out;
    });
  }

  /**
   * Deletes finished, failed and abandoned runs of a schedule beyond the newest {@code count} or
   * older than {@code age}. RUNNING runs are never touched. Returns how many were deleted.
   */
  public int applyRetention(String schedule, Retention retention, Instant now) {
    return tx("apply retention", c -> {
      List<RunRecord> ended = many(c, "SELECT " + RUN_COLUMNS + " FROM AF_RUN WHERE SCHEDULE_NAME = ?"
          + " AND STATUS <> 'RUNNING' ORDER BY ID DESC", schedule);
      int deleted = 0;
      for (int i = 0; i < ended.size(); i++) {
        RunRecord r = ended.get(i);
        int index = i;
        boolean tooMany = retention.count().map(n -> index >= n).orElse(false);
        boolean tooOld = retention.age().map(a -> r.startedAt().isBefore(now.minus(a))).orElse(false);
        if (tooMany || tooOld) {
          deleted += update(c, "DELETE FROM AF_RUN WHERE ID = ?", r.id());
        }
      }
      return deleted;
    });
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  private static Optional<RunRecord> one(Connection c, String sql, Object... args) throws SQLException {
    return many(c, sql, args).stream().findFirst();
  }

  private static List<RunRecord> many(Connection c, String sql, Object... args) throws SQLException {
    List<RunRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime fin = rs.getObject(7, OffsetDateTime.class);
          out.add(new RunRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
              RunStatus.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class).toInstant(),
              Optional.ofNullable(fin).map(OffsetDateTime::toInstant), rs.getInt(8), rs.getString(9),
              rs.getInt(10), rs.getInt(11), rs.getInt(12)));
        }
      }
    }
    return out;
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  private static String clip(String s) {
    return s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
  }
}
