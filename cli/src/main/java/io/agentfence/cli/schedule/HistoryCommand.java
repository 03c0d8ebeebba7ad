package io.agentfence.cli.schedule;

import io.agentfence.cli.CliIo;
import io.agentfence.cli.ExitCodes;
import io.agentfence.cli.UserError;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Status;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.schedules.history.Database;
import io.agentfence.schedules.history.HistoryStore;
import io.agentfence.schedules.history.PartRecord;
import io.agentfence.schedules.history.RunRecord;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentfence history list|show|export}: the runs the nightly service stored. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Scan history of the nightly service (reads the same database as 'agentfence schedule').",
    subcommands = {HistoryCommand.ListRuns.class, HistoryCommand.Show.class, HistoryCommand.Export.class})
public final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(CliIo.of(spec).err());
    return ExitCodes.USAGE;
  }

  enum Format { TEXT, JSON }

  static PrintStream out(CommandSpec spec) {
    return new PrintStream(CliIo.of(spec).out(), true, StandardCharsets.UTF_8);
  }

  static RunRecord run(HistoryStore h, long id) {
    return h.run(id).orElseThrow(() -> new UserError("agentfence history: no run " + id
        + " (see 'agentfence history list')"));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List runs, newest first.")
  static final class ListRuns implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOptions db;

    @Option(names = "--schedule", paramLabel = "NAME", description = "Only this schedule.")
    String schedule;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
    Format format;

    @Override
    public Integer call() {
      try (Database d = db.openExisting()) {
        List<RunRecord> runs = new HistoryStore(d.dataSource()).runs(Optional.ofNullable(schedule), limit);
        PrintStream out = out(spec);
        if (format == Format.JSON) {
          out.println(SnapshotJson.mapper().writeValueAsString(runs));
          return ExitCodes.CLEAN;
        }
        out.printf("%-6s %-20s %-11s %-20s %-20s %7s %7s%n", "RUN", "SCHEDULE", "STATUS", "STARTED", "FINISHED",
            "FAILING", "UNKNOWN");
        for (RunRecord r : runs) {
          out.printf("%-6d %-20s %-11s %-20s %-20s %7d %7d%n", r.id(), r.schedule(), r.status(),
              r.startedAt().toString().replaceFirst("\\.\\d+Z$", "Z"),
              r.finishedAt().map(t -> t.toString().replaceFirst("\\.\\d+Z$", "Z")).orElse("-"),
              r.failCount(), r.unknownCount());
        }
        return ExitCodes.CLEAN;
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run: status, parts and findings.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOptions db;

    @Parameters(paramLabel = "RUN", description = "Run id (see 'history list').")
    long id;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
    Format format;

    @Override
    public Integer call() {
      try (Database d = db.openExisting()) {
        HistoryStore h = new HistoryStore(d.dataSource());
        RunRecord r = run(h, id);
        List<PartRecord> parts = h.parts(id);
        List<Finding> findings = h.findings(id).stream()
            .sorted(Comparator.comparing((Finding f) -> f.status() != Status.FAIL)
                .thenComparing(f -> f.severity().ordinal()))
            .toList();
        PrintStream out = out(spec);
        if (format == Format.JSON) {
          Map<String, Object> doc = new LinkedHashMap<>();
          doc.put("run", r);
          doc.put("parts", parts);
          doc.put("findings", findings);
          out.println(SnapshotJson.mapper().writeValueAsString(doc));
          return ExitCodes.CLEAN;
        }
        out.println("run " + r.id() + " of '" + r.schedule() + "': " + r.status()
            + (r.message().isEmpty() ? "" : " (" + r.message() + ")"));
        out.println("started  " + r.startedAt());
        out.println("finished " + r.finishedAt().map(Object::toString).orElse("-"));
        out.println("findings " + r.findingCount() + " (" + r.failCount() + " failing, " + r.unknownCount() + " unknown)");
        out.println("parts:");
        for (PartRecord p : parts) {
          out.println("  " + p.key() + "  " + p.status() + "  node " + p.node() + "  attempts " + p.attempts()
              + (p.message().isEmpty() ? "" : "  " + p.message()));
        }
        if (!findings.isEmpty()) {
          out.println("findings:");
          for (Finding f : findings) {
            out.println("  " + f.status() + " " + f.severity() + " " + f.ruleId() + " " + f.resource().arn()
                + ": " + f.message());
          }
        }
        return ExitCodes.CLEAN;
      }
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write the inventory snapshot of a run (v1 JSON, as 'agentfence collect' writes it).")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOptions db;

    @Parameters(paramLabel = "RUN", description = "Run id (see 'history list').")
    long id;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: stdout).")
    Path output;

    @Override
    public Integer call() throws Exception {
      try (Database d = db.openExisting()) {
        HistoryStore h = new HistoryStore(d.dataSource());
        RunRecord r = run(h, id);
        Snapshot s = h.snapshot(id).orElseThrow(() -> new UserError("agentfence history: run " + id + " is "
            + r.status() + " and has no snapshot (only COMPLETE and INCOMPLETE runs store one)"));
        if (output == null) {
          out(spec).println(SnapshotJson.write(s));
        } else {
          SnapshotJson.write(s, output);
          CliIo.of(spec).err().println("agentfence: snapshot of run " + id + " written to " + output);
        }
        return ExitCodes.CLEAN;
      }
    }
  }
}
