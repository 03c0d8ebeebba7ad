package io.agentfence.reporters.table;

import io.agentfence.finding.Finding;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Status;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.reporters.ReportView;
import io.agentfence.reporters.Reporter;
import io.agentfence.reporters.compare.Comparison;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The terminal table: what needs attention first (FAIL, then UNKNOWN, then suppressed), each with
 * its evidence chain; PASS only counted. Colour is an input — the caller knows whether its
 * destination is a terminal; a reporter that probed {@code System.console()} would colour files.
 */
public final class TableReporter implements Reporter {
  private static final String RESET = "\u001b[0m";
  private static final String RED = "\u001b[31;1m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String DIM = "\u001b[2m";
  private static final String GREEN = "\u001b[32m";

  private final boolean colour;

  public TableReporter(boolean colour) {
    this.colour = colour;
  }

  @Override
  public String format() {
    return "table";
  }

  @Override
  public String defaultFileName() {
    return "agentfence.txt";
  }

  @Override
  public void write(ScanReport report, Comparison comparison, OutputStream out) throws IOException {
    PrintStream p = new PrintStream(out, false, StandardCharsets.UTF_8);
    render(ReportView.of(report, comparison), p);
    p.flush();
  }

  /** Attention order: unsuppressed FAIL, UNKNOWN, then suppressed; by severity, rule, resource. */
  private static int group(Finding f) {
    if (f.suppression().isPresent()) {
      return 2;
    }
    return f.status() == Status.FAIL ? 0 : 1;
  }

  private void render(ReportView view, PrintStream p) {
    List<ReportView.Entry> shown = new ArrayList<>(view.entries().stream()
        .filter(e -> e.finding().status() != Status.PASS).toList());
    shown.sort(Comparator.<ReportView.Entry>comparingInt(e -> group(e.finding()))
        .thenComparing(e -> e.finding().severity())
        .thenComparing(e -> e.finding().ruleId())
        .thenComparing(e -> e.finding().resource().arn()));
    boolean comparing = view.comparison().active();
    List<String[]> rows = new ArrayList<>();
    for (ReportView.Entry e : shown) {
      Finding f = e.finding();
      String status = f.status().name() + (f.suppression().isPresent() ? " (suppressed)" : "");
      String resource = f.resource().kind() + " " + f.resource().id();
      String where = f.resource().accountId().isEmpty() ? f.resource().region()
          : f.resource().accountId() + "/" + f.resource().region();
      String state = e.baselineState().map(s -> s.wireName()).orElse("");
      rows.add(comparing
          ? new String[] {f.severity().name(), status, state, f.ruleId(), resource, where}
          : new String[] {f.severity().name(), status, f.ruleId(), resource, where});
    }
    String[] header = comparing
        ? new String[] {"SEVERITY", "STATUS", "CHANGE", "RULE", "RESOURCE", "ACCOUNT/REGION"}
        : new String[] {"SEVERITY", "STATUS", "RULE", "RESOURCE", "ACCOUNT/REGION"};
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      width[i] = header[i].length();
    }
    rows.forEach(r -> {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    });

    p.println(headline(view));
    if (!rows.isEmpty()) {
      p.println();
      p.println(paint(DIM, line(header, width)));
      for (int i = 0; i < rows.size(); i++) {
        Finding f = shown.get(i).finding();
        p.println(paint(colourOf(f), line(rows.get(i), width)));
        p.println("    " + f.message());
        if (!f.chain().isEmpty()) {
          p.println("    " + paint(DIM, "evidence: ") + f.chain());
        }
        f.suppression().ifPresent(s -> p.println("    " + paint(DIM, "suppressed until " + s.expires()
            + " by " + s.owner() + ": " + s.justification())));
      }
    }
    if (comparing && !view.comparison().absent().isEmpty()) {
      p.println();
      p.println("No longer reported since the previous run (" + view.comparison().absent().size() + "):");
      view.comparison().absent().forEach(a -> p.println("  " + a.ruleId() + "  " + a.resource().kind() + " "
          + a.resource().id() + "  " + a.message()));
    }
    List<CoverageRecord> gaps = view.coverageGaps();
    if (!gaps.isEmpty()) {
      p.println();
      p.println(paint(CYAN, "Coverage gaps (" + gaps.size() + "): these scopes were not read; their results are UNKNOWN"));
      for (CoverageRecord c : gaps) {
        StringBuilder b = new StringBuilder("  ").append(c.accountId()).append(' ').append(c.region()).append(' ')
            .append(c.kind().name()).append(' ').append(c.status().name());
        c.operation().ifPresent(o -> b.append(" (").append(o).append(c.errorCode().map(x -> " " + x).orElse("")).append(')'));
        c.message().ifPresent(m -> b.append(": ").append(m));
        p.println(b);
      }
    }
    p.println();
    long pass = view.count(Status.PASS);
    p.println(paint(GREEN, "PASS: " + pass + " check" + (pass == 1 ? "" : "s") + " passed."));
  }

  private static String headline(ReportView view) {
    ScanReport r = view.report();
    return "agentfence " + r.toolVersion() + ": " + view.entries().size() + " results — "
        + view.count(Status.FAIL) + " FAIL, " + view.count(Status.UNKNOWN) + " UNKNOWN, "
        + view.count(Status.PASS) + " PASS; " + view.failing() + " failing, " + view.suppressed() + " suppressed; "
        + (r.complete() ? "scan complete" : "scan INCOMPLETE (" + view.coverageGaps().size() + " coverage gaps)");
  }

  private String colourOf(Finding f) {
    if (f.suppression().isPresent()) {
      return DIM;
    }
    if (f.status() == Status.UNKNOWN) {
      return CYAN;
    }
    switch (f.severity()) {
      case CRITICAL:
      case HIGH:
        return RED;
      case MEDIUM:
        return YELLOW;
      default:
        return "";
    }
  }

  private String paint(String code, String text) {
    return colour && !code.isEmpty() ? code + text + RESET : text;
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      b.append(cells[i]);
      if (i < cells.length - 1) {
        b.append(" ".repeat(width[i] - cells[i].length() + 2));
      }
    }
    return b.toString();
  }
}
