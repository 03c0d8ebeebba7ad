package io.agentfence.reporters.markdown;

import io.agentfence.finding.Finding;
import io.agentfence.terraform.AfterApplyCheck;
import io.agentfence.terraform.PlanEffect;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Terraform plan part of the Markdown summary: what the plan changes, the failing findings it
 * introduces and those it fixes (each with its {@code .tf} line), and the resources it holds that
 * agentfence does not model.
 */
final class PlanSection {
  private PlanSection() {}

  static void render(PlanEffect p, StringBuilder b) {
    b.append("### Terraform plan\n\n");
    Map<String, Integer> actions = new TreeMap<>();
    p.planned().forEach(r -> actions.merge(r.action(), 1, Integer::sum));
    b.append(p.planned().size()).append(" planned resource(s) checked");
    if (!actions.isEmpty()) {
      b.append(" (");
      StringBuilder parts = new StringBuilder();
      actions.forEach((k, v) -> parts.append(parts.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
      b.append(parts).append(')');
    }
    b.append(", ").append(p.ignored().size()).append(" not modelled.\n\n");
    list(b, "Introduced by the plan", p.introduced());
    list(b, "Fixed by the plan", p.fixed());
    if (!p.ignored().isEmpty()) {
      b.append("Not modelled (not checked):\n\n| resource | change | why |\n|---|---|---|\n");
      p.ignored().stream().limit(MarkdownReporter.MAX_ROWS).forEach(i -> b.append("| `")
          .append(MarkdownReporter.cell(i.address())).append("` | ").append(i.action()).append(" | ")
          .append(MarkdownReporter.cell(i.reason())).append(" |\n"));
      if (p.ignored().size() > MarkdownReporter.MAX_ROWS) {
        b.append("\n…and ").append(p.ignored().size() - MarkdownReporter.MAX_ROWS).append(" more.\n");
      }
      b.append('\n');
    }
  }

  private static void list(StringBuilder b, String title, List<Finding> findings) {
    b.append("**").append(title).append(":** ").append(findings.size()).append(findings.isEmpty() ? "\n\n" : "\n\n");
    if (findings.isEmpty()) {
      return;
    }
    b.append("| severity | rule | resource | where |\n|---|---|---|---|\n");
    findings.stream().limit(MarkdownReporter.MAX_ROWS).forEach(f -> b.append("| ")
        .append(f.severity().name().toLowerCase(Locale.ROOT)).append(" | `").append(f.ruleId()).append("` | ")
        .append(f.resource().kind()).append(" `").append(MarkdownReporter.cell(f.resource().id())).append("` | ")
        .append(MarkdownReporter.cell(where(f))).append(" |\n"));
    if (findings.size() > MarkdownReporter.MAX_ROWS) {
      b.append("\n…and ").append(findings.size() - MarkdownReporter.MAX_ROWS).append(" more.\n");
    }
    b.append('\n');
  }

  /** {@code modules/agent/main.tf:12} (the address), or the account and region of a live resource. */
  static String where(Finding f) {
    Map<String, String> p = f.properties();
    if (p.containsKey(AfterApplyCheck.FILE)) {
      return p.get(AfterApplyCheck.FILE) + ":" + p.get(AfterApplyCheck.LINE) + " (" + p.get(AfterApplyCheck.ADDRESS) + ")";
    }
    if (p.containsKey(AfterApplyCheck.ADDRESS)) {
      return p.get(AfterApplyCheck.ADDRESS);
    }
    return f.resource().accountId() + " / " + f.resource().region();
  }
}
