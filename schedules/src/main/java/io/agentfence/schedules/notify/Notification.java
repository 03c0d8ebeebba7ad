package io.agentfence.schedules.notify;

import io.agentfence.util.Values;
import java.util.Optional;

/**
 * The JSON body of a generic webhook notification (stable field names; {@code event} tells
 * receivers what this is).
 *
 * @param status     COMPLETE, INCOMPLETE or FAILED
 * @param failing    failing, unsuppressed findings
 * @param unknown    findings that could not be decided (scope not read)
 * @param drift      one-line drift summary against the previous run, when there is one
 * @param reportsDir where the run's reports were written, when they were
 */
public record Notification(
    String event,
    String schedule,
    long runId,
    String status,
    String startedAt,
    String finishedAt,
    int failing,
    int unknown,
    Optional<DriftCounts> drift,
    Optional<String> reportsDir,
    String message) {
  public static final String EVENT = "agentfence.scan.finished";

  public Notification {
    drift = Values.opt(drift);
    reportsDir = Values.opt(reportsDir);
    message = message == null ? "" : message;
  }

  /** How much changed since the previous run of the same scope. */
  public record DriftCounts(String since, int added, int removed, int changed, int unknownScopes,
      int newFindings, int resolvedFindings) {}

  /** The Slack incoming-webhook text. */
  public String slackText() {
    StringBuilder sb = new StringBuilder();
    sb.append(status.equals("COMPLETE") ? ":white_check_mark:" : status.equals("INCOMPLETE") ? ":warning:" : ":x:")
        .append(" agentfence *").append(schedule).append("* run ").append(runId).append(": ").append(status)
        .append(" — ").append(failing).append(" failing, ").append(unknown).append(" unknown");
    drift.ifPresent(d -> sb.append("\nDrift since ").append(d.since()).append(": ").append(d.added()).append(" added, ")
        .append(d.removed()).append(" removed, ").append(d.changed()).append(" changed, ").append(d.newFindings())
        .append(" new finding(s), ").append(d.resolvedFindings()).append(" resolved")
        .append(d.unknownScopes() > 0 ? ", " + d.unknownScopes() + " scope(s) unknown" : ""));
    if (!message.isEmpty()) {
      sb.append('\n').append(message);
    }
    reportsDir.ifPresent(r -> sb.append("\nReports: `").append(r).append('`'));
    return sb.toString();
  }
}
