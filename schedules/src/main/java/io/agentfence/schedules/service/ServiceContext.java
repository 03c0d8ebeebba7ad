package io.agentfence.schedules.service;

import io.agentfence.schedules.config.ScheduleSpec;
import io.agentfence.schedules.history.HistoryStore;
import io.agentfence.schedules.source.SnapshotSource;
import io.agentfence.schedules.source.SnapshotSourceFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the jobs of one node share: the schedules, their sources, the store and the finalizer. */
final class ServiceContext {
  private final Map<String, ScheduleSpec> specs;
  private final SnapshotSourceFactory sourceFactory;
  private final Map<String, SnapshotSource> sources = new ConcurrentHashMap<>();
  private final HistoryStore store;
  private final RunFinalizer finalizer;
  private final Clock clock;
  private final WarmStart warmStart;
  private volatile String node = "";

  ServiceContext(List<ScheduleSpec> specs, SnapshotSourceFactory sourceFactory, HistoryStore store,
      RunFinalizer finalizer, Clock clock) {
    this.specs = specs.stream().collect(Collectors.toMap(ScheduleSpec::name, Function.identity()));
    this.sourceFactory = sourceFactory;
    this.store = store;
    this.finalizer = finalizer;
    this.clock = clock;
    this.warmStart = new WarmStart(store);
  }

  Optional<ScheduleSpec> spec(String name) {
    return Optional.ofNullable(specs.get(name));
  }

  /** One source per schedule for the life of the node (sources may keep state, e.g. replay). */
  SnapshotSource source(ScheduleSpec spec) {
    return sources.computeIfAbsent(spec.name(), n -> sourceFactory.forSchedule(spec));
  }

  /** What a run's parts may reuse from the schedule's previous run (a warm scan). */
  WarmStart warmStart() {
    return warmStart;
  }

  HistoryStore store() {
    return store;
  }

  RunFinalizer finalizer() {
    return finalizer;
  }

  Clock clock() {
    return clock;
  }

  String node() {
    return node;
  }

  void node(String id) {
    this.node = id;
  }
}
