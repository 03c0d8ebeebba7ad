package io.agentfence.cli.collect;

import io.agentfence.cli.DemoSource;
import io.agentfence.cli.ExitCodes;
import io.agentfence.engine.ScanSetupException;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import io.agentfence.cli.CliIo;

/**
 * {@code agentfence collect}: read the targets (read-only) and write the inventory snapshot.
 * Exit 0 when everything in scope was read, 3 when part of it could not be (the snapshot records
 * exactly which scope), 2 on bad flags or unusable credentials.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
    description = "Read AgentCore resources and the network/IAM around them (read-only) and write the inventory snapshot.")
public final class CollectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin
  TargetOptions targets = new TargetOptions();

  @Mixin
  WarmOptions warm = new WarmOptions();

  @Option(names = "--demo", description = "Collect the bundled demo organization (through the local endpoint) instead"
      + " of AWS: e.g. 'collect --demo -o demo.json', then 'scan --demo --previous-inventory demo.json' for a warm scan.")
  boolean demo;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Snapshot file (default: stdout).")
  Path output;

  @Override
  public Integer call() throws Exception {
    CliIo io = CliIo.of(spec);
    if (demo) {
      Snapshot s = DemoSource.collect(warm.reuse(io.err()), io.err());
      write(s, io);
      return s.complete() && !s.collection().cancelled() ? ExitCodes.CLEAN : ExitCodes.INCOMPLETE;
    }
    var problem = targets.problem();
    if (problem.isPresent()) {
      io.err().println("agentfence collect: " + problem.get());
      return ExitCodes.USAGE;
    }
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    var reuse = warm.reuse(io.err());
    try {
      Snapshot s = LiveCollection.run(targets.engine(), Credentials.provider(targets.profile()),
          targets.spec(runId, Credentials.homeRegion(targets.profile(), targets.regions())), "live", reuse,
          io.err(), snapshot -> write(snapshot, io));
      return s.complete() && !s.collection().cancelled() ? ExitCodes.CLEAN : ExitCodes.INCOMPLETE;
    } catch (ScanSetupException e) {
      io.err().println("agentfence collect: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  private void write(Snapshot s, CliIo io) throws java.io.IOException {
    if (output == null) {
      io.out().write((SnapshotJson.write(s) + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      io.out().flush();
    } else {
      SnapshotJson.write(s, output);
      io.err().println("agentfence: snapshot written to " + output);
    }
  }
}
