package io.agentfence.schedules.config;

import io.agentfence.util.Values;
import java.nio.file.Path;
import java.util.List;

/**
 * Where each run writes its reports: {@code <reportsDir>/<schedule>/run-<id>/}.
 *
 * @param formats report formats (sarif, json, markdown, html, ocsf); the drift report is always written
 */
public record Outputs(Path reportsDir, List<String> formats) {
  public static final List<String> KNOWN_FORMATS = List.of("sarif", "json", "markdown", "html", "ocsf");
  /** Written when a schedule names no formats: the HTML report holds each runtime's map, linked from the Markdown. */
  public static final List<String> DEFAULT_FORMATS = List.of("sarif", "json", "markdown", "html");

  public Outputs {
    if (reportsDir == null) {
      throw new IllegalArgumentException("reportsDir is required");
    }
    formats = Values.list(formats);
  }
}
