package io.agentfence.cli.schedule;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.BaselineParser;
import io.agentfence.check.CheckRunner;
import io.agentfence.checks.Catalogue;
import io.agentfence.cli.CliIo;
import io.agentfence.cli.ExitCodes;
import io.agentfence.finding.Finding;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.schedules.drift.DriftEngine;
import io.agentfence.schedules.drift.DriftReport;
import io.agentfence.schedules.drift.DriftRendering;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentfence drift OLD.json NEW.json}: what changed between two snapshot files. */
@Command(name = "drift", mixinStandardHelpOptions = true,
    description = {"Compare two inventory snapshots: resources added, removed and changed (field by field),",
        "scope unreadable in either one (reported as unknown, never as removed), and with --baseline the",
        "findings that are new or resolved."})
public final class DriftCommand implements Callable<Integer> {
  public enum Format { TEXT, JSON, MARKDOWN }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD.json", description = "The older snapshot.")
  Path older;

  @Parameters(index = "1", paramLabel = "NEW.json", description = "The newer snapshot.")
  Path newer;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline to evaluate both snapshots with, for new and resolved findings.")
  Path baseline;

  @Override
  public Integer call() throws Exception {
    Snapshot a = SnapshotJson.read(older);
    Snapshot b = SnapshotJson.read(newer);
    List<Finding> fa = List.of();
    List<Finding> fb = List.of();
    if (baseline != null) {
      Baseline base = BaselineParser.parse(baseline);
      CheckRunner runner = Catalogue.runner();
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      fa = runner.report(a, base, today, "").findings();
      fb = runner.report(b, base, today, "").findings();
    }
    DriftReport r = DriftEngine.compare(new DriftEngine.Side(older.toString(), a, fa),
        new DriftEngine.Side(newer.toString(), b, fb));
    String text = switch (format) {
      case JSON -> DriftRendering.json(r) + "\n";
      case MARKDOWN -> DriftRendering.markdown(r);
      default -> DriftRendering.text(r);
    };
    PrintStream out = new PrintStream(CliIo.of(spec).out(), true, StandardCharsets.UTF_8);
    out.print(text);
    out.flush();
    return ExitCodes.CLEAN;
  }
}
