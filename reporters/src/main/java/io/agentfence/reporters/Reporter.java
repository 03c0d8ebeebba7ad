package io.agentfence.reporters;

import io.agentfence.finding.ScanReport;
import java.io.IOException;
import java.io.OutputStream;

/** Renders a scan report in one output format. Reporters never know the checks' classes. */
public interface Reporter {
  /** The {@code --format} name: table, json, sarif, markdown. */
  String format();

  /** Conventional file name in {@code --output-dir}, e.g. {@code agentfence.sarif}. */
  String defaultFileName();

  void write(ScanReport report, OutputStream out) throws IOException;
}
