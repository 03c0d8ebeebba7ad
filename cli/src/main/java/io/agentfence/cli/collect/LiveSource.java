package io.agentfence.cli.collect;

import io.agentfence.baseline.BaselineParser;
import io.agentfence.cli.CliIo;
import io.agentfence.cli.ScanInput;
import io.agentfence.cli.ScanSource;
import io.agentfence.cli.UserError;
import io.agentfence.engine.ScanSetupException;
import io.agentfence.inventory.Snapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code agentfence scan} without {@code --demo}: collect live (read-only), then check. */
public final class LiveSource implements ScanSource {
  private final TargetOptions targets;
  private final WarmOptions warm;
  private final Path baseline;
  private final CliIo io;

  public LiveSource(TargetOptions targets, WarmOptions warm, Path baseline, CliIo io) {
    this.targets = targets;
    this.warm = warm;
    this.baseline = baseline;
    this.io = io;
  }

  @Override
  public ScanInput load() {
    if (baseline == null) {
      throw new UserError("agentfence scan: --baseline FILE is required for a live scan (or try 'agentfence scan --demo')");
    }
    targets.problem().ifPresent(p -> {
      throw new UserError("agentfence scan: " + p);
    });
    // The baseline first: a typo there should not cost a full collection.
    var b = BaselineParser.parse(baseline);
    var reuse = warm.reuse(io.err());
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    try {
      Snapshot s = LiveCollection.run(targets.engine(), Credentials.provider(targets.profile()),
          targets.spec(runId, Credentials.homeRegion(targets.profile(), targets.regions())), "live", reuse,
          io.err(), snapshot -> { });
      return new ScanInput(s, b);
    } catch (ScanSetupException e) {
      throw new UserError("agentfence scan: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new UserError("agentfence scan: " + e.getMessage(), e);
    }
  }
}
