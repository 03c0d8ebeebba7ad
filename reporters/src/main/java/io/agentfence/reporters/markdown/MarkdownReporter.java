package io.agentfence.reporters.markdown;

import io.agentfence.check.RuleArea;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.reporters.ReportView;
import io.agentfence.reporters.Reporter;
import io.agentfence.reporters.compare.BaselineState;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.runtime.Anchors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Markdown summary for {@code $GITHUB_STEP_SUMMARY} or a pull-request comment: counts by severity
 * and area, contained and not-contained runtimes (the composite verdict rule {@value #VERDICT_RULE}),
 * coverage gaps and the top broken links. Long lists are capped ({@value #MAX_ROWS} rows): GitHub
 * truncates step summaries above 1 MiB and the full detail is in the SARIF/JSON.
 */
public final class MarkdownReporter implements Reporter {
  /** The composite containment verdict rule: one finding per runtime. */
  public static final String VERDICT_RULE = "AF-CNT-001";
  static final int MAX_ROWS = 50;
  static final int TOP_LINKS = 10;
  /** Characters of a message or chain shown in a cell; the full text is in the SARIF/JSON. */
  static final int MAX_TEXT = 300;

  /** The HTML report next to this one, whose per-runtime maps the runtime table links; empty: no links. */
  private final Optional<String> mapsFile;
  /** With {@code check --terraform-plan}: what the plan does to the findings; empty otherwise. */
  private final Optional<io.agentfence.terraform.PlanEffect> plan;

  public MarkdownReporter() {
    this(Optional.empty(), Optional.empty());
  }

  /** A summary that also says what a Terraform plan introduces and fixes. */
  public MarkdownReporter(io.agentfence.terraform.PlanEffect plan) {
    this(Optional.empty(), Optional.of(plan));
  }

  private MarkdownReporter(Optional<String> mapsFile, Optional<io.agentfence.terraform.PlanEffect> plan) {
    this.mapsFile = mapsFile;
    this.plan = plan;
  }

  /**
   * This report with each runtime linked to its containment map in {@code htmlFile} (a relative
   * path, e.g. {@code agentfence.html} in the same run directory of the nightly service).
   */
  public MarkdownReporter linkingMapsIn(String htmlFile) {
    return new MarkdownReporter(Optional.of(htmlFile), plan);
  }

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public String defaultFileName() {
    return "agentfence.md";
  }

  @Override
  public void write(ScanReport report, Comparison comparison, OutputStream out) throws IOException {
    out.write(render(ReportView.of(report, comparison)).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  String render(ReportView view) {
    ScanReport r = view.report();
    StringBuilder b = new StringBuilder();
    long failing = view.failing();
    b.append("## agentfence: ").append(failing == 0 ? "no failing findings" : failing + " failing finding" + (failing == 1 ? "" : "s"))
        .append(r.complete() ? "" : " — scan INCOMPLETE").append("\n\n");
    b.append(view.count(Status.FAIL)).append(" FAIL (").append(view.suppressed()).append(" suppressed), ")
        .append(view.count(Status.UNKNOWN)).append(" UNKNOWN, ").append(view.count(Status.PASS)).append(" PASS")
        .append(" · agentfence ").append(r.toolVersion()).append("\n\n");

    b.append("| severity | failing | unknown | suppressed |\n|---|---:|---:|---:|\n");
    for (Severity s : Severity.values()) {
      b.append("| ").append(s.name().toLowerCase(Locale.ROOT)).append(" | ").append(view.failing(s)).append(" | ")
          .append(countOf(view, e -> e.status() == Status.UNKNOWN && e.suppression().isEmpty() && e.severity() == s))
          .append(" | ").append(countOf(view, e -> e.suppression().isPresent() && e.severity() == s)).append(" |\n");
    }
    b.append('\n');

    if (view.comparison().active()) {
      b.append("**Since the previous run:** ");
      for (BaselineState st : BaselineState.values()) {
        long n = st == BaselineState.ABSENT ? view.comparison().absent().size()
            : view.entries().stream().filter(e -> e.baselineState().orElse(null) == st).count();
        b.append(n).append(' ').append(st.wireName()).append(st == BaselineState.ABSENT ? "" : ", ");
      }
      b.append("\n\n");
    }

    b.append("### By area\n\n| area | fail | unknown | pass |\n|---|---:|---:|---:|\n");
    for (RuleArea a : RuleArea.values()) {
      long fail = countOf(view, f -> f.counts() && area(view, f) == a);
      long unknown = countOf(view, f -> f.status() == Status.UNKNOWN && area(view, f) == a);
      long pass = countOf(view, f -> f.status() == Status.PASS && area(view, f) == a);
      if (fail + unknown + pass > 0) {
        b.append("| ").append(a.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ").append(fail)
            .append(" | ").append(unknown).append(" | ").append(pass).append(" |\n");
      }
    }
    long other = countOf(view, f -> area(view, f) == null);
    if (other > 0) {
      b.append("| other | ").append(countOf(view, f -> f.counts() && area(view, f) == null)).append(" | ")
          .append(countOf(view, f -> f.status() == Status.UNKNOWN && area(view, f) == null)).append(" | ")
          .append(countOf(view, f -> f.status() == Status.PASS && area(view, f) == null)).append(" |\n");
    }
    b.append('\n');

    plan.ifPresent(p -> PlanSection.render(p, b));
    runtimes(view, b);
    gaps(view, b);
    topLinks(view, b);
    if (b.charAt(b.length() - 1) != '\n') {
      b.append('\n');
    }
    return b.toString();
  }

  private void runtimes(ReportView view, StringBuilder b) {
    List<Finding> verdicts = view.entries().stream().map(ReportView.Entry::finding)
        .filter(f -> f.ruleId().equals(VERDICT_RULE)).toList();
    b.append("### Runtimes\n\n");
    if (verdicts.isEmpty()) {
      b.append("No containment verdicts (rule ").append(VERDICT_RULE).append(") in this scan.\n\n");
      return;
    }
    long contained = verdicts.stream().filter(f -> f.status() == Status.PASS).count();
    long notContained = verdicts.stream().filter(f -> f.status() == Status.FAIL).count();
    long unknown = verdicts.stream().filter(f -> f.status() == Status.UNKNOWN).count();
    b.append("**").append(contained).append("** contained, **").append(notContained).append("** not contained, **")
        .append(unknown).append("** unknown (not fully read).\n\n");
    List<Finding> bad = verdicts.stream().filter(f -> f.status() != Status.PASS)
        .sorted(Comparator.comparing((Finding f) -> f.status()).thenComparing(f -> f.resource().arn())).toList();
    if (!bad.isEmpty()) {
      b.append("| runtime | account / region | verdict | broken link |").append(mapsFile.isPresent() ? " map |" : "")
          .append("\n|---|---|---|---|").append(mapsFile.isPresent() ? "---|" : "").append('\n');
      bad.stream().limit(MAX_ROWS).forEach(f -> b.append("| `").append(cell(f.resource().id())).append("` | ")
          .append(cell(where(f))).append(" | ")
          .append(f.status() == Status.FAIL ? "not contained" : "unknown")
          .append(f.suppression().isPresent() ? " (suppressed)" : "").append(" | ")
          .append(cell(clip(f.chain().isEmpty() ? f.message() : f.chain()))).append(" |")
          .append(mapsFile.map(h -> " [map](" + h + "#" + Anchors.of(f.resource()) + ") |").orElse("")).append('\n'));
      more(b, bad.size());
      b.append('\n');
    }
  }

  private static void gaps(ReportView view, StringBuilder b) {
    List<CoverageRecord> gaps = view.coverageGaps();
    b.append("### Coverage gaps\n\n");
    if (gaps.isEmpty()) {
      b.append("None: every account, region and resource kind in scope was read.\n\n");
      return;
    }
    b.append("Not read, so every result depending on them is UNKNOWN:\n\n");
    b.append("| account | region | kind | status | detail |\n|---|---|---|---|---|\n");
    gaps.stream().limit(MAX_ROWS).forEach(c -> b.append("| ").append(cell(c.accountId())).append(" | ")
        .append(cell(c.region())).append(" | ").append(c.kind().name()).append(" | ").append(c.status().name())
        .append(" | ").append(cell(String.join(" ", c.operation().orElse(""), c.errorCode().orElse(""),
            c.message().orElse("")).strip())).append(" |\n"));
    more(b, gaps.size());
    b.append('\n');
  }

  private static void topLinks(ReportView view, StringBuilder b) {
    List<Finding> failing = view.entries().stream().map(ReportView.Entry::finding).filter(Finding::counts)
        .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::ruleId)
            .thenComparing(f -> f.resource().arn())).toList();
    b.append("### Top broken links\n\n");
    if (failing.isEmpty()) {
      b.append("None.\n");
      return;
    }
    int i = 1;
    for (Finding f : failing.subList(0, Math.min(TOP_LINKS, failing.size()))) {
      b.append(i++).append(". **").append(f.severity().name().toLowerCase(Locale.ROOT)).append("** `")
          .append(f.ruleId()).append("` ").append(f.resource().kind()).append(" `").append(cell(f.resource().id()))
          .append("` (").append(cell(where(f))).append("): ").append(cell(clip(f.message())));
      if (!f.chain().isEmpty()) {
        b.append("<br>").append(cell(clip(f.chain())));
      }
      b.append('\n');
    }
    if (failing.size() > TOP_LINKS) {
      b.append("\n…and ").append(failing.size() - TOP_LINKS).append(" more in the SARIF/JSON results.\n");
    }
  }

  private static void more(StringBuilder b, int size) {
    if (size > MAX_ROWS) {
      b.append("\n…and ").append(size - MAX_ROWS).append(" more.\n");
    }
  }

  private static RuleArea area(ReportView view, Finding f) {
    return view.areaOf(f.ruleId()).orElse(null);
  }

  private static long countOf(ReportView view, java.util.function.Predicate<Finding> p) {
    return view.entries().stream().map(ReportView.Entry::finding).filter(p).count();
  }

  private static String where(Finding f) {
    return f.resource().accountId().isEmpty() ? f.resource().region() : f.resource().accountId() + " / " + f.resource().region();
  }

  static String clip(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
  }

  /** Table-cell safe: no pipes or newlines, no raw HTML. */
  static String cell(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
        .replace("\r", " ").replace("\n", " ");
  }
}
