package io.agentfence.schedules.history;

import io.agentfence.util.Values;
import java.util.List;

/** One part of a run (an account, or the whole scope) and who collected it. */
public record PartRecord(long runId, String key, List<String> accounts, PartStatus status, String node,
    int attempts, String message) {
  public PartRecord {
    accounts = Values.list(accounts);
    node = node == null ? "" : node;
    message = message == null ? "" : message;
  }

  public enum PartStatus { PENDING, DONE, FAILED }
}
