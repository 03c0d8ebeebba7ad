package io.agentfence.reporters;

import io.agentfence.finding.ScanReport;
import io.agentfence.reporters.compare.Comparison;
import java.io.IOException;
import java.io.OutputStream;

/** Renders a scan report in one output format. Reporters never know the checks' classes. */
public interface Reporter {
  /** The {@code --format} name: table, json, sarif, markdown. */
  String format();

  /** Conventional file name in {@code --output-dir}, e.g. {@code agentfence.sarif}. */
  String defaultFileName();

  /**
   * Writes the report; with an active {@code comparison} (from {@code --previous}) results carry
   * their baseline state. Does not close {@code out}.
   */
  void write(ScanReport report, Comparison comparison, OutputStream out) throws IOException;

  /** Writes the report without comparing it with a previous run. */
  default void write(ScanReport report, OutputStream out) throws IOException {
    write(report, Comparison.none(), out);
  }
}
