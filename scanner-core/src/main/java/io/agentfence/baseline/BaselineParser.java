package io.agentfence.baseline;

import io.agentfence.finding.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code agentfence.yaml} strictly (see {@code docs/baseline.md}). Unknown keys, malformed AWS
 * ids and regions, unknown severities, missing required fields and bad dates are all reported in
 * one {@link BaselineException}, each as {@code FILE:LINE:COLUMN: problem. fix hint}. A baseline
 * that parses is complete: there is no partially valid result.
 *
 * <p>Rule ids in {@code severityOverrides} and {@code suppressions} are checked for shape only; the
 * caller that knows the catalogue checks that they exist (see {@link #unknownRuleIds}).
 */
public final class BaselineParser {
  private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

  private BaselineParser() {}

  public static Baseline parse(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BaselineException(new BaselineError(file.toString(), 1, 1, "no such baseline file",
          "Check the path, or start from docs/agentfence.example.yaml"), e);
    } catch (IOException e) {
      throw new BaselineException(new BaselineError(file.toString(), 1, 1,
          "cannot read baseline file: " + e.getMessage(), "Check the path and its permissions"), e);
    }
    return parse(text, file.toString());
  }

  public static Baseline parse(InputStream in, String source) {
    try {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new BaselineException(new BaselineError(source, 1, 1,
          "cannot read baseline: " + e.getMessage(), "Check the input"), e);
    }
  }

  /** Parses YAML text; {@code source} names it in error messages (usually the file path). */
  public static Baseline parse(String yaml, String source) {
    SourceMap map;
    JsonNode tree;
    try {
      map = SourceMap.of(MAPPER, yaml);
      tree = MAPPER.readTree(yaml);
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      int line = loc == null || loc.getLineNr() < 1 ? 1 : loc.getLineNr();
      int col = loc == null || loc.getColumnNr() < 1 ? 1 : loc.getColumnNr();
      throw new BaselineException(new BaselineError(source, line, col,
          "not valid YAML: " + firstLine(e.getOriginalMessage()),
          "Fix the YAML syntax (indentation, quoting, ':' after keys)"), e);
    }
    return new BaselineValidator(source, map).bind(tree);
  }

  /**
   * Errors for rule ids the baseline names (severity overrides, suppressions) that are not in
   * {@code knownRuleIds}; empty when all are known. For callers that know the catalogue.
   */
  public static List<String> unknownRuleIds(Baseline baseline, java.util.Collection<String> knownRuleIds) {
    List<String> out = new ArrayList<>();
    for (String id : baseline.severityOverrides().keySet()) {
      if (!knownRuleIds.contains(id)) {
        out.add(id);
      }
    }
    for (Suppression s : baseline.suppressions()) {
      if (!knownRuleIds.contains(s.ruleId()) && !out.contains(s.ruleId())) {
        out.add(s.ruleId());
      }
    }
    return out;
  }

  /** The allowed severities, as written in YAML. */
  static List<String> severityNames() {
    List<String> out = new ArrayList<>();
    for (Severity s : Severity.values()) {
      out.add(s.name().toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
