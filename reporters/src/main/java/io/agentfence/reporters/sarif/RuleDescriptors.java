package io.agentfence.reporters.sarif;

import io.agentfence.check.RuleMetadata;
import io.agentfence.finding.Severity;
import io.agentfence.reporters.sarif.SarifModel.Configuration;
import io.agentfence.reporters.sarif.SarifModel.Message;
import io.agentfence.reporters.sarif.SarifModel.MultiformatMessage;
import io.agentfence.reporters.sarif.SarifModel.ReportingDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rule metadata as SARIF {@code reportingDescriptor}s with everything GitHub shows: short and full
 * description, help as text and Markdown (risk, remediation for console, CLI and Terraform,
 * references), default level, tags and {@code security-severity}.
 */
final class RuleDescriptors {
  private RuleDescriptors() {}

  /** SARIF level for a severity: critical/high are errors, medium warnings, low/info notes. */
  static String level(Severity s) {
    switch (s) {
      case CRITICAL:
      case HIGH:
        return "error";
      case MEDIUM:
        return "warning";
      default:
        return "note";
    }
  }

  static ReportingDescriptor of(RuleMetadata r) {
    Map<String, Object> props = new LinkedHashMap<>();
    List<String> tags = new ArrayList<>(List.of("security", "aws", "bedrock-agentcore",
        r.area().name().toLowerCase(Locale.ROOT).replace('_', '-'), "severity/" + r.severity().name().toLowerCase(Locale.ROOT)));
    props.put("tags", tags.subList(0, Math.min(tags.size(), SarifLimits.TAGS_PER_RULE)));
    securitySeverity(r.severity(), props);
    props.put("precision", "high");
    props.put("agentfence/area", r.area().name());
    if (!r.control().isBlank()) {
      props.put("agentfence/control", r.control());
    }
    String full = r.summary().isBlank() ? r.name() : r.summary();
    return new ReportingDescriptor(r.id(), pascal(r.name()), new Message(clip(sentence(r.name()))),
        new Message(clip(sentence(full))), new MultiformatMessage(helpText(r), helpMarkdown(r)),
        r.references().stream().filter(u -> u.startsWith("https://") || u.startsWith("http://")).findFirst().orElse(null),
        new Configuration(level(r.severity())), props);
  }

  /**
   * A rule id found in results but not in the report's rule list: a result of a previous run whose
   * rule no longer exists ({@code absent}) is the expected case. Described honestly as such.
   */
  static ReportingDescriptor unknown(String id, Severity severity) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("tags", List.of("security", "aws", "bedrock-agentcore"));
    securitySeverity(severity, props);
    String text = "Rule " + id + " is not in this version's rule catalogue; its results come from a previous run.";
    return new ReportingDescriptor(id, null, new Message("Rule " + id + " (not in the current catalogue)."),
        new Message(text), new MultiformatMessage(text, text), null, new Configuration(level(severity)), props);
  }

  private static void securitySeverity(Severity s, Map<String, Object> props) {
    // GitHub: a score of 0.0 means "no security severity"; INFO rules therefore carry none.
    if (s.securityScore() > 0.0) {
      props.put("security-severity", String.format(Locale.ROOT, "%.1f", s.securityScore()));
    }
  }

  private static String helpText(RuleMetadata r) {
    StringBuilder b = new StringBuilder();
    b.append(sentence(r.summary().isBlank() ? r.name() : r.summary())).append("\n\n");
    if (!r.rationale().isBlank()) {
      b.append("Risk: ").append(r.rationale()).append("\n\n");
    }
    if (!r.control().isBlank()) {
      b.append("Control: ").append(r.control()).append("\n\n");
    }
    b.append("Remediation\n");
    RuleMetadata.Remediation m = r.remediation();
    if (m != null) {
      appendIf(b, "Console: ", m.console());
      appendIf(b, "CLI: ", m.cli());
      appendIf(b, "Terraform: ", m.terraform());
    }
    if (!r.references().isEmpty()) {
      b.append("\nReferences\n");
      r.references().forEach(u -> b.append("- ").append(u).append('\n'));
    }
    return b.toString().strip();
  }

  private static String helpMarkdown(RuleMetadata r) {
    StringBuilder b = new StringBuilder();
    b.append(sentence(r.summary().isBlank() ? r.name() : r.summary())).append("\n\n");
    if (!r.rationale().isBlank()) {
      b.append("**Risk.** ").append(r.rationale()).append("\n\n");
    }
    if (!r.control().isBlank()) {
      b.append("**Control.** ").append(r.control()).append("\n\n");
    }
    b.append("## Remediation\n\n");
    RuleMetadata.Remediation m = r.remediation();
    if (m != null) {
      if (!m.console().isBlank()) {
        b.append("**Console.** ").append(m.console()).append("\n\n");
      }
      if (!m.cli().isBlank()) {
        b.append("**AWS CLI.**\n\n```sh\n").append(m.cli().strip()).append("\n```\n\n");
      }
      if (!m.terraform().isBlank()) {
        b.append("**Terraform.**\n\n```hcl\n").append(m.terraform().strip()).append("\n```\n\n");
      }
    }
    if (!r.references().isEmpty()) {
      b.append("## References\n\n");
      r.references().forEach(u -> b.append("- ").append(u).append('\n'));
    }
    return b.toString().strip();
  }

  private static void appendIf(StringBuilder b, String label, String value) {
    if (value != null && !value.isBlank()) {
      b.append(label).append(value.strip()).append('\n');
    }
  }

  /** "Runtime in PUBLIC network mode" → "RuntimeInPublicNetworkMode" (SARIF rule names are identifiers). */
  static String pascal(String name) {
    StringBuilder b = new StringBuilder();
    for (String w : name.split("[^A-Za-z0-9]+")) {
      if (!w.isEmpty()) {
        b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  /** Text ending with a period, as the SARIF authoring rules ask of messages and descriptions. */
  static String sentence(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return t;
    }
    char last = t.charAt(t.length() - 1);
    return last == '.' || last == '!' || last == '?' ? t : t + ".";
  }

  private static String clip(String s) {
    return s.length() <= SarifLimits.DESCRIPTION_CHARS ? s : s.substring(0, SarifLimits.DESCRIPTION_CHARS - 1) + "…";
  }
}
