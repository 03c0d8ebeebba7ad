package io.agentfence.cli.schedule;

import io.agentfence.baseline.BaselineParser;
import io.agentfence.cli.UserError;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.schedules.config.ScheduleConfig;
import io.agentfence.schedules.config.ScheduleSpec;
import io.agentfence.schedules.config.SourceSpec;
import io.agentfence.schedules.config.Targets;
import io.agentfence.schedules.source.ReplaySnapshotSource;
import io.agentfence.schedules.source.ScanPart;
import io.agentfence.schedules.source.SnapshotSource;
import io.agentfence.schedules.source.SnapshotSourceFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The snapshot sources the CLI offers to schedules: replay of snapshot files and the bundled demo
 * organization. Live collection is refused at start-up until the scan engine is wired here.
 */
final class Sources implements SnapshotSourceFactory {
  static final String DEMO_SNAPSHOT = "scenarios/demo-org/snapshot.json";

  /** Fails before the service starts, naming the schedule, when a source cannot work. */
  static void validate(ScheduleConfig config) {
    for (ScheduleSpec s : config.schedules()) {
      if (s.source().kind() == SourceSpec.Kind.LIVE) {
        throw new UserError(config.source() + ": schedule '" + s.name() + "': source 'live' needs the live"
            + " scan engine, which this build does not wire into schedules yet. Use 'source: demo' or"
            + " 'source: replay' with snapshot files written by 'agentfence collect'.");
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
