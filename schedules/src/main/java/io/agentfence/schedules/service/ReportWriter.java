package io.agentfence.schedules.service;

import io.agentfence.finding.ScanReport;
import io.agentfence.reporters.Reporter;
import io.agentfence.reporters.markdown.MarkdownReporter;
import io.agentfence.schedules.config.ScheduleSpec;
import io.agentfence.schedules.drift.DriftReport;
import io.agentfence.schedules.drift.DriftRendering;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a finished run's reports to {@code <reportsDir>/<schedule>/run-<id>/}: one file per
 * configured format through the registered reporters, plus {@code drift.json} and
 * {@code drift.md}. Files are written to a temporary name and moved, so a reader never sees half
 * a report.
 */
public final class ReportWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

  private final Map<String, Reporter> reporters;

  public ReportWriter(List<Reporter> reporters) {
    this.reporters = reporters.stream().collect(Collectors.toMap(Reporter::format, Function.identity(), (a, b) -> a));
  }

  public Path write(ScheduleSpec spec, long runId, ScanReport report, DriftReport drift) throws IOException {
    Path dir = spec.outputs().reportsDir().resolve(spec.name()).resolve("run-" + runId);
    Files.createDirectories(dir);
    for (String format : spec.outputs().formats()) {
      Reporter found = reporters.get(format);
      if (found == null) {
        LOG.warn("no '{}' reporter in this build; run {} has no {} report", format, runId, format);
        continue;
      }
      Reporter html = reporters.get("html");
      // The Markdown summary links each runtime to its map when the run also has the HTML report.
      Reporter r = found instanceof MarkdownReporter md && html != null && spec.outputs().formats().contains("html")
          ? md.linkingMapsIn(html.defaultFileName()) : found;
      atomic(dir.resolve(r.defaultFileName()), out -> r.write(report, out));
    }
    atomic(dir.resolve("drift.json"), out -> out.write(DriftRendering.json(drift).getBytes(StandardCharsets.UTF_8)));
    atomic(dir.resolve("drift.md"), out -> out.write(DriftRendering.markdown(drift).getBytes(StandardCharsets.UTF_8)));
    return dir;
  }

  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static void atomic(Path file, Body body) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.write(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
