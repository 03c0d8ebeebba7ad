package io.agentfence.schedules.history;

import io.agentfence.util.Values;
import java.time.Instant;
import java.util.Optional;

/** A row of the history (without its snapshot, which {@link HistoryStore#snapshot} loads). */
public record RunRecord(
    long id,
    String schedule,
    String fireKey,
    String scopeKey,
    RunStatus status,
    Instant startedAt,
    Optional<Instant> finishedAt,
    int partsTotal,
    String message,
    int failCount,
    int unknownCount,
    int findingCount) {
  public RunRecord {
    finishedAt = Values.opt(finishedAt);
    message = message == null ? "" : message;
  }
}
