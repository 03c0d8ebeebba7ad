package io.agentfence.schedules.drift;

import io.agentfence.inventory.json.SnapshotJson;
import java.util.List;

/** Renders a drift report as JSON (stable field names), terminal text or Markdown. */
public final class DriftRendering {
  private DriftRendering() {}

  public static String json(DriftReport report) {
    return SnapshotJson.mapper().writeValueAsString(report);
  }

  public static String text(DriftReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Drift ").append(r.before()).append(" -> ").append(r.after()).append('\n');
    sb.append(r.summary()).append('\n');
    section(sb, "Added", r.added(), "+ ");
    section(sb, "Removed", r.removed(), "- ");
    section(sb, "Changed", r.changed(), "~ ");
    if (!r.unknown().isEmpty()) {
      sb.append("\nUnknown (not read in one scan; nothing is assumed removed):\n");
      r.unknown().forEach(u -> sb.append("? ").append(u.kind()).append(' ').append(u.accountId()).append('/')
          .append(u.region()).append(": ").append(u.before()).append(" -> ").append(u.after()).append('\n'));
    }
    findings(sb, "New findings", r.newFindings());
    findings(sb, "Resolved findings", r.resolvedFindings());
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, List<ResourceChange> changes, String mark) {
    if (changes.isEmpty()) {
      return;
    }
    sb.append('\n').append(title).append(":\n");
    for (ResourceChange c : changes) {
      sb.append(mark).append(c.resource().render()).append('\n');
      if (c.type() == ResourceChange.Type.CHANGED) {
        for (FieldChange f : c.fields()) {
          sb.append("    ").append(f.field()).append(": ").append(f.before().orElse("(none)"))
              .append(" -> ").append(f.after().orElse("(none)")).append('\n');
        }
      }
    }
  }

  private static void findings(StringBuilder sb, String title, List<FindingChange> list) {
    if (list.isEmpty()) {
      return;
    }
    sb.append('\n').append(title).append(":\n");
    list.forEach(f -> sb.append("* ").append(f.severity()).append(' ').append(f.ruleId()).append(' ')
        .append(f.resource().arn()).append(": ").append(f.message()).append('\n'));
  }

  public static String markdown(DriftReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# agentfence drift\n\n");
    sb.append("From `").append(r.before()).append("` to `").append(r.after()).append("`: ")
        .append(r.summary()).append(".\n");
    if (r.noChanges() && r.unknown().isEmpty()) {
      sb.append("\nNo change.\n");
    }
    mdResources(sb, "Added", r.added());
    mdResources(sb, "Removed", r.removed());
    if (!r.changed().isEmpty()) {
      sb.append("\n## Changed\n\n| resource | field | before | after |\n| --- | --- | --- | --- |\n");
      for (ResourceChange c : r.changed()) {
        for (FieldChange f : c.fields()) {
          sb.append("| ").append(cell(c.resource().render())).append(" | ").append(cell(f.field())).append(" | ")
              .append(cell(f.before().orElse("—"))).append(" | ").append(cell(f.after().orElse("—"))).append(" |\n");
        }
      }
    }
    if (!r.unknown().isEmpty()) {
      sb.append("\n## Unknown\n\nNot read in one of the scans: changes here are unknown, nothing is reported"
          + " as removed.\n\n| account | region | kind | before | after |\n| --- | --- | --- | --- | --- |\n");
      r.unknown().forEach(u -> sb.append("| ").append(u.accountId()).append(" | ").append(u.region()).append(" | ")
          .append(u.kind()).append(" | ").append(u.before()).append(" | ").append(u.after()).append(" |\n"));
    }
    mdFindings(sb, "New findings", r.newFindings());
    mdFindings(sb, "Resolved findings", r.resolvedFindings());
    return sb.toString();
  }

  private static void mdResources(StringBuilder sb, String title, List<ResourceChange> list) {
    if (list.isEmpty()) {
      return;
    }
    sb.append("\n## ").append(title).append("\n\n");
    list.forEach(c -> sb.append("- ").append(cell(c.resource().render())).append('\n'));
  }

  private static void mdFindings(StringBuilder sb, String title, List<FindingChange> list) {
    if (list.isEmpty()) {
      return;
    }
    sb.append("\n## ").append(title).append("\n\n| severity | rule | resource | message |\n| --- | --- | --- | --- |\n");
    list.forEach(f -> sb.append("| ").append(f.severity()).append(" | ").append(f.ruleId()).append(" | ")
        .append(cell(f.resource().arn())).append(" | ").append(cell(f.message())).append(" |\n"));
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
