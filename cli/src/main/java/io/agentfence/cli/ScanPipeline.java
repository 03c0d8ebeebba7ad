package io.agentfence.cli;

import io.agentfence.baseline.BaselineParser;
import io.agentfence.check.CheckRunner;
import io.agentfence.check.RuleMetadata;
import io.agentfence.checks.Catalogue;
import io.agentfence.finding.ScanReport;
import io.agentfence.reporters.Reporter;
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
    Reporter reporter = output.reporter(io); // fail fast on a bad --format, before any work
    ScanInput input = source.load();
    rejectUnknownRuleIds(input);
    ScanReport report = runner.report(input.snapshot(), input.baseline(),
        LocalDate.now(ZoneOffset.UTC), VersionProvider.version());
    output.write(reporter, report, io);
    return output.exitCode(report);
  }

  /** A severity override or suppression naming a rule that does not exist is a typo: say so. */
  private void rejectUnknownRuleIds(ScanInput input) {
    List<String> known = runner.rules().stream().map(RuleMetadata::id).toList();
    List<String> unknown = BaselineParser.unknownRuleIds(input.baseline(), known);
    if (!unknown.isEmpty()) {
      throw new UserError(input.baseline().source() + ": unknown rule id(s) " + String.join(", ", unknown)
          + " in severityOverrides or suppressions. Use ids listed by 'agentfence rules'.");
    }
  }
}
