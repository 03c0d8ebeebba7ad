package io.agentfence.cli;

import io.agentfence.finding.ScanReport;
import io.agentfence.reporters.Reporter;
import io.agentfence.reporters.Reporters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/**
 * Output options shared by every command that produces a scan report ({@code scan}, {@code check},
 * and later ones): use as {@code @Mixin OutputOptions output;}. It renders the report and computes
 * the exit code, so all those commands gate CI the same way.
 */
public final class OutputOptions {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: table, json, sarif or markdown (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of stdout.")
  Path output;

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

  /** The reporter for {@code --format}; checked before any work so a typo fails fast. */
  public Reporter reporter(CliIo io) {
    boolean colour = io.colour() && output == null;
    return Reporters.forFormat(format, colour).orElseThrow(() -> new UserError(
        "agentfence: unknown --format '" + format + "'. Use one of: "
            + String.join(", ", Reporters.formatNames())));
  }

  /** Renders {@code report} to {@code --output} (atomically) or stdout. */
  public void write(Reporter reporter, ScanReport report, CliIo io) throws IOException {
    if (output == null) {
      reporter.write(report, io.out());
      io.out().flush();
      return;
    }
    Path target = output.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        reporter.write(report, out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    io.err().println("agentfence: wrote " + reporter.format() + " report to " + output);
  }

  /** ExitCodes: 1 on failing findings at or above --fail-on, else 3 if incomplete, else 0. */
  public int exitCode(ScanReport report) {
    if (failOn.severity().map(report::failingAtOrAbove).orElse(0L) > 0) {
      return ExitCodes.FINDINGS;
    }
    return report.complete() ? ExitCodes.CLEAN : ExitCodes.INCOMPLETE;
  }
}
