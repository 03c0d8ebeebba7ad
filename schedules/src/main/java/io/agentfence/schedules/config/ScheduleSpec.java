package io.agentfence.schedules.config;

import io.agentfence.util.Values;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/** One named schedule of the configuration file. */
public record ScheduleSpec(
    String name,
    String cron,
    ZoneId timeZone,
    SourceSpec source,
    Targets targets,
    Optional<Path> baseline,
    Outputs outputs,
    Retention retention,
    Optional<WebhookConfig> webhook) {
  public ScheduleSpec {
    Values.require(name, "schedule name");
    Values.require(cron, "schedule cron");
    if (timeZone == null || source == null || targets == null || outputs == null) {
      throw new IllegalArgumentException("timeZone, source, targets and outputs are required");
    }
    baseline = Values.opt(baseline);
    retention = retention == null ? Retention.keepAll() : retention;
    webhook = Values.opt(webhook);
  }
}
