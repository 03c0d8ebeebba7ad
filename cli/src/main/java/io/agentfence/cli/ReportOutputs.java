package io.agentfence.cli;

import io.agentfence.finding.ScanReport;
import io.agentfence.reporters.Reporter;
import io.agentfence.reporters.Reporters;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.sarif.SarifLimitException;
import io.agentfence.reporters.sarif.SarifReporter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where each requested format goes: {@code --format a,b,c} with {@code --output FILE} (one format),
 * {@code --output-dir DIR} (any number, each under its conventional name) or stdout (one format).
 * Planned — and so validated — before any scanning work, so a typo fails fast with exit code 2.
 */
final class ReportOutputs {
  /** One format and its destination; an empty file means stdout. */
  record Target(Reporter reporter, Optional<Path> file) {}

  private ReportOutputs() {}

  static List<Target> plan(String formats, Path output, Path outputDir, boolean stdoutIsTerminal, boolean verbose) {
    Set<String> names = new LinkedHashSet<>();
    for (String f : (formats == null ? "" : formats).split(",")) {
      if (!f.isBlank()) {
        names.add(f.trim().toLowerCase(Locale.ROOT));
      }
    }
    if (names.isEmpty()) {
      throw new UserError("agentfence: --format is empty. Use one or more of: " + String.join(", ", Reporters.formatNames()));
    }
    if (output != null && outputDir != null) {
      throw new UserError("agentfence: --output and --output-dir cannot be combined: use --output FILE for one format,"
          + " --output-dir DIR for several");
    }
    if (names.size() > 1 && outputDir == null) {
      throw new UserError("agentfence: --format " + String.join(",", names) + " asks for " + names.size()
          + " formats; write them with --output-dir DIR (one file each), not to " + (output == null ? "stdout" : output));
    }
    List<Target> targets = new ArrayList<>();
    for (String name : names) {
      boolean toStdout = output == null && outputDir == null;
      Reporter r = Reporters.forFormat(name, toStdout && stdoutIsTerminal, verbose).orElseThrow(() -> new UserError(
          "agentfence: unknown --format '" + name + "'. Use one of: " + String.join(", ", Reporters.formatNames())));
      targets.add(new Target(r, toStdout ? Optional.empty()
          : Optional.of(outputDir != null ? outputDir.resolve(r.defaultFileName()) : output)));
    }
    return List.copyOf(targets);
  }

  static void write(List<Target> targets, ScanReport report, Comparison comparison, CliIo io) throws IOException {
    for (Target t : targets) {
      if (t.file().isEmpty()) {
        try {
          t.reporter().write(report, comparison, io.out());
        } catch (SarifLimitException e) {
          throw new UserError("agentfence: " + e.getMessage(), e);
        }
        io.out().flush();
        continue;
      }
      Path target = t.file().get().toAbsolutePath();
      Files.createDirectories(target.getParent());
      if (t.reporter() instanceof SarifReporter) {
        List<Path> files = ((SarifReporter) t.reporter()).writeFiles(report, comparison, target);
        for (Path p : files) {
          io.err().println("agentfence: wrote sarif report to " + t.file().get().resolveSibling(p.getFileName()));
        }
        if (files.size() > 1) {
          io.err().println("agentfence: the SARIF needs " + files.size() + " files to stay within GitHub's limits"
              + " (20 runs, 10 MB gzipped per file); upload all of them (docs/output-formats.md)");
        }
        continue;
      }
      // Written next to the target and moved over it, so a failed write never leaves half a report;
      // created with the process umask (not createTempFile's 0600) so CI artifacts stay readable.
      Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      try {
        // Buffered: a JSON report of a large organization is gigabytes written in small pieces.
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
          t.reporter().write(report, comparison, out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      io.err().println("agentfence: wrote " + t.reporter().format() + " report to " + t.file().get());
    }
  }
}
