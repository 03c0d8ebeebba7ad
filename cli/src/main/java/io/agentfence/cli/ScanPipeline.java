package io.agentfence.cli;

import io.agentfence.baseline.BaselineParser;
import io.agentfence.check.CheckRunner;
import io.agentfence.check.RuleMetadata;
import io.agentfence.checks.Catalogue;
import io.agentfence.finding.ScanReport;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.compare.PreviousFinding;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The one path every scanning command takes: source → checks → reporter → exit code. Commands
 * differ only in their {@link ScanSource}.
 */
public final class ScanPipeline {
  private final CheckRunner runner;

  public ScanPipeline() {
    this(Catalogue.runner());
  }

  public ScanPipeline(CheckRunner runner) {
    this.runner = runner;
  }

  public int run(ScanSource source, OutputOptions output, CliIo io) throws IOException {
    // Fail fast on a bad --format/--output-dir/--previous, before any work.
    List<ReportOutputs.Target> targets = output.targets(io);
    List<PreviousFinding> previous = output.previousFindings();
    ScanInput input = source.load();
    rejectUnknownRuleIds(runner, input.baseline());
    io.err().println(describe(input));
    ScanReport report = runner.report(input.snapshot(), input.baseline(),
        LocalDate.now(ZoneOffset.UTC), VersionProvider.version());
    Comparison comparison = output.compare(report, previous);
    ReportOutputs.write(targets, report, comparison, io);
    return output.exitCode(report, comparison);
  }

  /** The progress line on stderr: what is being checked against what. */
  private String describe(ScanInput input) {
    var accounts = input.snapshot().accounts();
    long regions = accounts.stream().flatMap(a -> a.regions().stream()).map(r -> r.region()).distinct().count();
    return "agentfence: checking " + accounts.size() + " account(s), " + regions + " region(s) ("
        + input.snapshot().collection().source() + ") against " + input.baseline().source() + " with "
        + runner.rules().size() + " rules";
  }

  /** A severity override or suppression naming a rule that does not exist is a typo: say so. */
  static void rejectUnknownRuleIds(CheckRunner runner, io.agentfence.baseline.Baseline baseline) {
    List<String> known = runner.reportRules().stream().map(RuleMetadata::id).toList();
    List<String> unknown = BaselineParser.unknownRuleIds(baseline, known);
    if (!unknown.isEmpty()) {
      throw new UserError(baseline.source() + ": unknown rule id(s) " + String.join(", ", unknown)
          + " in severityOverrides or suppressions. Use ids listed by 'agentfence rules'.");
    }
  }
}
