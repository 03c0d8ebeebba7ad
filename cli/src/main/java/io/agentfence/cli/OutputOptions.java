package io.agentfence.cli;

import io.agentfence.finding.ScanReport;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.compare.PreviousFinding;
import io.agentfence.reporters.compare.PreviousResults;
import io.agentfence.reporters.compare.PreviousResultsException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Output options shared by every command that produces a scan report ({@code scan}, {@code check},
 * and later ones): use as {@code @Mixin OutputOptions output;}. It plans where each format goes
 * ({@link ReportOutputs}), reads {@code --previous}, and computes the exit code ({@link Gate}), so
 * all those commands gate CI the same way.
 */
public final class OutputOptions {
  @Option(names = "--format", paramLabel = "FORMAT[,FORMAT...]", defaultValue = "table",
      description = "Output format: table, json, sarif, markdown, html or ocsf (default: ${DEFAULT-VALUE}). Several,"
          + " comma-separated, need --output-dir.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of stdout.")
  Path output;

  @Option(names = "--output-dir", paramLabel = "DIR",
      description = "Write each --format to DIR under its conventional name: agentfence.txt, agentfence.json,"
          + " agentfence.sarif (+ agentfence-2.sarif... when GitHub's per-file limits need it), agentfence.md.")
  Path outputDir;

  @Option(names = {"-v", "--verbose"},
      description = "Table: print every finding with its evidence chain (the default view groups them per runtime"
          + " and account and shows each AWS error text once).")
  boolean verbose;

  @Option(names = "--previous", paramLabel = "FILE",
      description = "Compare with an earlier SARIF or JSON result of agentfence: results get a baseline state"
          + " (new, unchanged, updated, absent), matched by fingerprint.")
  Path previous;

  @Option(names = "--fail-on-new",
      description = "Gate only on failing findings that are new since --previous (adoption on existing accounts).")
  boolean failOnNew;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
      converter = FailOn.Converter.class,
      description = "Exit with code 1 when a failing, unsuppressed finding is at or above this"
          + " severity: critical, high, medium, low or none (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  public String format() {
    return format;
  }

  public FailOn failOn() {
    return failOn;
  }

  /** Where each requested format goes; validated before any work so a typo fails fast. */
  List<ReportOutputs.Target> targets(CliIo io) {
    if (failOnNew && previous == null) {
      throw new UserError("agentfence: --fail-on-new needs --previous FILE (the earlier result to compare with)");
    }
    return ReportOutputs.plan(format, output, outputDir, io.colour(), verbose);
  }

  /** The previous run's results for --previous (read before scanning, so a bad file fails fast). */
  List<PreviousFinding> previousFindings() {
    if (previous == null) {
      return List.of();
    }
    try {
      return PreviousResults.read(previous);
    } catch (PreviousResultsException e) {
      throw new UserError(e.getMessage() + " (--previous)", e);
    }
  }

  Comparison compare(ScanReport report, List<PreviousFinding> previousFindings) {
    return previous == null ? Comparison.none() : Comparison.of(report, previousFindings, previous.toString());
  }

  /** The gate with --fail-on and --fail-on-new (see {@link Gate}). */
  int exitCode(ScanReport report, Comparison comparison) {
    return Gate.exitCode(report, comparison, failOn, failOnNew);
  }
}
