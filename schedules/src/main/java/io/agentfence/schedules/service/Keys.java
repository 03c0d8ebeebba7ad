package io.agentfence.schedules.service;

import org.quartz.JobKey;
import org.quartz.TriggerKey;

/** Quartz names: one coordinator job and cron trigger per schedule, one job per run part. */
final class Keys {
  static final String SCHEDULES = "agentfence-schedules";
  static final String PARTS = "agentfence-parts";
  static final String SCHEDULE = "schedule";
  static final String RUN_ID = "runId";
  static final String PART = "part";

  private Keys() {}

  static JobKey coordinator(String schedule) {
    return JobKey.jobKey(schedule, SCHEDULES);
  }

  static TriggerKey cron(String schedule) {
    return TriggerKey.triggerKey(schedule, SCHEDULES);
  }

  static JobKey part(long runId, String partKey) {
    return JobKey.jobKey("run-" + runId + "-" + partKey, PARTS);
  }
}
