package io.agentfence.schedules.source;

import io.agentfence.schedules.config.Targets;
import io.agentfence.util.Values;
import java.util.List;

/**
 * One unit of a run that one node collects: usually one account. {@code accounts} empty means the
 * whole scope of {@code targets} (when accounts are only known by discovering the organization).
 *
 * @param runId the history run this part belongs to (0 while planning)
 */
public record ScanPart(String key, List<String> accounts, Targets targets, long runId) {
  public static final String WHOLE_SCOPE = "all";

  public ScanPart {
    Values.require(key, "part key");
    accounts = Values.list(accounts);
    if (targets == null) {
      throw new IllegalArgumentException("targets are required");
    }
  }

  public ScanPart(String key, List<String> accounts, Targets targets) {
    this(key, accounts, targets, 0L);
  }

  public ScanPart withRun(long id) {
    return new ScanPart(key, accounts, targets, id);
  }
}
