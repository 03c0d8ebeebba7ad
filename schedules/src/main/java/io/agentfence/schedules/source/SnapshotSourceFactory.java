package io.agentfence.schedules.source;

import io.agentfence.schedules.config.ScheduleSpec;

/** Builds the snapshot source of a schedule (live engine, demo endpoint, replay). */
@FunctionalInterface
public interface SnapshotSourceFactory {
  SnapshotSource forSchedule(ScheduleSpec spec);
}
