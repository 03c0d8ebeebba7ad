package io.agentfence.cli.schedule;

import io.agentfence.baseline.BaselineParser;
import io.agentfence.cli.UserError;
import io.agentfence.cli.collect.Credentials;
import io.agentfence.collect.ReusableReads;
import io.agentfence.engine.EngineConfig;
import io.agentfence.engine.ScanEngine;
import io.agentfence.engine.ScanProgress;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.schedules.config.ScheduleConfig;
import io.agentfence.schedules.config.ScheduleSpec;
import io.agentfence.schedules.config.SourceSpec;
import io.agentfence.schedules.config.Targets;
import io.agentfence.schedules.source.LiveSnapshotSource;
import io.agentfence.schedules.source.ReplaySnapshotSource;
import io.agentfence.schedules.source.ScanPart;
import io.agentfence.schedules.source.SnapshotSource;
import io.agentfence.schedules.source.SnapshotSourceFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The snapshot sources the CLI offers to schedules: live collection with the scan engine, replay
 * of snapshot files and the bundled demo organization.
 */
final class Sources implements SnapshotSourceFactory {
  static final String DEMO_SNAPSHOT = "scenarios/demo-org/snapshot.json";

  /** The real AWS: the standard credential chain (or the targets' profile), the targets' budget. */
  static final LiveSnapshotSource.Access AWS = new LiveSnapshotSource.Access() {
    @Override
    public ScanEngine engine(Targets t, ReusableReads reuse) {
      return new ScanEngine(engineConfig(t), Credentials.provider(t.profile()), ScanProgress.Listener.NONE, reuse);
    }

    @Override
    public String homeRegion(Targets t) {
      return Credentials.homeRegion(t.profile(), t.regions());
    }
  };

  private final LiveSnapshotSource.Access live;

  Sources() {
    this(AWS);
  }

  /** Tests point live schedules at a local AWS-compatible endpoint. */
  Sources(LiveSnapshotSource.Access live) {
    this.live = live;
  }

  static EngineConfig engineConfig(Targets t) {
    return EngineConfig.defaults().withRate(t.rate()).withConcurrency(t.concurrency());
  }

  /** Fails before the service starts, naming the schedule, when a source cannot work. */
  static void validate(ScheduleConfig config) {
    for (ScheduleSpec s : config.schedules()) {
      if (s.source().kind() == SourceSpec.Kind.LIVE) {
        Targets t = s.targets();
        if (t.role().isEmpty() && (t.org() || t.accounts().size() > 1)) {
          throw new UserError(config.source() + ": schedule '" + s.name() + "': targets."
              + (t.org() ? "org" : "accounts") + " needs targets.role, the role agentfence assumes in each"
              + " account (e.g. role: AgentfenceReadOnly; see docs/live-scanning.md)");
        }
      }
      if (s.source().kind() == SourceSpec.Kind.DEMO) {
        loadDemo();
      }
      if (s.source().kind() == SourceSpec.Kind.REPLAY) {
        s.source().replayFiles().forEach(SnapshotJson::read); // bad files: exit 2 now, not at 2 a.m.
      }
      s.baseline().ifPresent(BaselineParser::parse);
    }
  }

  @Override
  public SnapshotSource forSchedule(ScheduleSpec spec) {
    switch (spec.source().kind()) {
      case REPLAY:
        return ReplaySnapshotSource.ofFiles(spec.source().replayFiles());
      case DEMO:
        return new Demo(loadDemo());
      case LIVE:
        return new LiveSnapshotSource(live);
      default:
        throw new IllegalStateException("source " + spec.source().kind() + " is not available in this build");
    }
  }

  /** The demo organization, split per account like a live scan. */
  private static final class Demo implements SnapshotSource {
    private final Snapshot snapshot;

    Demo(Snapshot snapshot) {
      this.snapshot = snapshot;
    }

    @Override
    public List<ScanPart> plan(Targets targets) {
      // accounts read, and accounts only present as coverage gaps (wholly unreadable ones)
      return java.util.stream.Stream.concat(snapshot.accounts().stream().map(a -> a.account().id()),
              snapshot.coverage().stream().map(c -> c.accountId()))
          .distinct().sorted()
          .filter(id -> targets.accounts().isEmpty() || targets.accounts().contains(id))
          .map(id -> new ScanPart(id, List.of(id), targets)).toList();
    }

    @Override
    public Snapshot collect(ScanPart part) {
      return ReplaySnapshotSource.slice(snapshot, part);
    }
  }

  private static Snapshot loadDemo() {
    try (InputStream in = resource(DEMO_SNAPSHOT)) {
      return SnapshotJson.read(in, "demo:" + DEMO_SNAPSHOT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = Sources.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new UserError("agentfence: the demo organization is not in this build (classpath resource " + name
          + " is missing)");
    }
    return in;
  }
}
