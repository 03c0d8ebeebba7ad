package io.agentfence.schedules.config;

import io.agentfence.util.Values;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code agentfence schedule --config} file: the schedules and where state lives.
 *
 * @param source   the file it was read from (for messages)
 * @param dataDir  where the embedded H2 database lives, when set in the file
 * @param threads  Quartz worker threads on this node
 */
public record ScheduleConfig(String source, Optional<Path> dataDir, int threads, List<ScheduleSpec> schedules) {
  public ScheduleConfig {
    source = source == null ? "<config>" : source;
    dataDir = Values.opt(dataDir);
    schedules = Values.list(schedules);
  }

  public Optional<ScheduleSpec> schedule(String name) {
    return schedules.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
