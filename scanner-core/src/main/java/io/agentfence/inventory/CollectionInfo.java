package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How and when a snapshot was collected. Volatile by nature: snapshot equality for round-trip and
 * drift ignores it.
 *
 * @param tool        producer, e.g. {@code agentfence 0.1.0}
 * @param source      {@code live}, {@code demo}, {@code fixture:<name>} or {@code synthetic}
 * @param startedAt   when collection began, if known
 * @param finishedAt  when collection ended, if known
 * @param scope       what was asked for: account ids and regions (empty = everything reachable)
 * @param cancelled   collection was interrupted (Ctrl-C); the coverage records say what is missing
 */
public record CollectionInfo(
    String tool,
    String source,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    List<String> requestedAccounts,
    List<String> requestedRegions,
    boolean cancelled) {

  public CollectionInfo {
    tool = tool == null ? "agentfence" : tool;
    source = source == null ? "unknown" : source;
    startedAt = Values.opt(startedAt);
    finishedAt = Values.opt(finishedAt);
    requestedAccounts = Values.list(requestedAccounts);
    requestedRegions = Values.list(requestedRegions);
  }

  /**
   * Names this collection in records a later warm scan reuses from it: its start time and source
   * (a scheduled run's snapshot is found in history by its start time).
   */
  public String label() {
    return startedAt.map(t -> t + " (" + source + ")").orElse(source);
  }

  public static CollectionInfo empty() {
    return new CollectionInfo(
        "agentfence", "unknown", Optional.empty(), Optional.empty(), List.of(), List.of(), false);
  }
}
