package io.agentfence.reporters.table;

import io.agentfence.finding.Finding;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Status;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.reporters.ReportView;
import io.agentfence.reporters.Reporter;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.runtime.ErrorNotes;
import io.agentfence.reporters.runtime.RuntimeGroups;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The terminal view, answer first: one line per runtime (verdict, account, region, first broken
 * link), the coverage gaps with each AWS error text once, then the findings grouped by runtime and
 * by account. PASS results are only counted; evidence chains only with {@code verbose}. Colour is
 * an input — the caller knows whether its destination is a terminal; a reporter that probed
 * {@code System.console()} would colour files.
 */
public final class TableReporter implements Reporter {
  private static final String RESET = "\u001b[0m";
  private static final String RED = "\u001b[31;1m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String DIM = "\u001b[2m";
  private static final String GREEN = "\u001b[32m";
  private static final String BOLD = "\u001b[1m";

  private final boolean colour;
  private final boolean verbose;

  public TableReporter(boolean colour) {
    this(colour, false);
  }

  /** @param verbose print every finding on its own line with its evidence chain */
  public TableReporter(boolean colour, boolean verbose) {
    this.colour = colour;
    this.verbose = verbose;
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

  private void render(ReportView view, PrintStream p) {
    RuntimeGroups groups = RuntimeGroups.of(view);
    ErrorNotes notes = new ErrorNotes(view.coverageGaps());
    p.println(headline(view));
    runtimeTable(groups, notes, p);
    coverageGaps(view.coverageGaps(), notes, p);
    Rows rows = new Rows(view.comparison().active());
    boolean anyRuntime = groups.runtimes().stream().anyMatch(r -> !shownOf(r).isEmpty());
    if (anyRuntime) {
      rows.section("Findings by runtime");
      for (RuntimeGroups.Runtime r : groups.runtimes()) {
        List<ReportView.Entry> shown = shownOf(r);
        if (!shown.isEmpty()) {
          rows.heading(r.ref().kind() + " " + r.ref().id() + "  " + r.ref().accountId() + "/" + r.ref().region());
          shown.forEach(e -> rows.finding(e, false));
        }
      }
    }
    if (!groups.scopes().isEmpty()) {
      rows.section("Findings by account");
      for (RuntimeGroups.Scope s : groups.scopes()) {
        rows.heading(s.accountId().isEmpty() ? "organization" : "account " + s.accountId());
        scope(s, rows);
      }
    }
    rows.print(p, notes);
    if (view.comparison().active() && !view.comparison().absent().isEmpty()) {
      p.println();
      p.println("No longer reported since the previous run (" + view.comparison().absent().size() + "):");
      view.comparison().absent().forEach(a -> p.println("  " + a.ruleId() + "  " + a.resource().kind() + " "
          + a.resource().id() + "  " + a.message()));
    }
    p.println();
    long pass = view.count(Status.PASS);
    p.println(paint(GREEN, "PASS: " + pass + " check" + (pass == 1 ? "" : "s") + " passed.")
        + (verbose ? "" : paint(DIM, " --verbose prints every evidence chain.")));
  }

  /** A runtime's findings; verbose adds its verdict first, whose chain lists every broken link. */
  private List<ReportView.Entry> shownOf(RuntimeGroups.Runtime r) {
    List<ReportView.Entry> shown = new ArrayList<>();
    if (verbose && r.verdict() != Status.PASS) {
      r.containment().ifPresent(shown::add);
    }
    shown.addAll(r.findings());
    return shown;
  }

  private void runtimeTable(RuntimeGroups groups, ErrorNotes notes, PrintStream p) {
    if (groups.runtimes().isEmpty() && groups.unreadRuntimes().isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    for (RuntimeGroups.Runtime r : groups.runtimes()) {
      rows.add(new String[] {r.ref().id(), r.verdict().name(), r.ref().accountId(), r.ref().region(),
          r.verdict() == Status.PASS ? "contained" : notes.refer(r.firstBrokenLink())});
      colours.add(colourOf(r.verdict()));
    }
    for (ReportView.Entry e : groups.unreadRuntimes()) {
      Finding f = e.finding();
      rows.add(new String[] {"(runtimes not listed)", f.status().name(), f.resource().accountId(), f.resource().region(),
          notes.refer(f.message())});
      colours.add(colourOf(f.status()));
    }
    String[] header = {"RUNTIME", "VERDICT", "ACCOUNT", "REGION", "FIRST BROKEN LINK"};
    int[] width = widths(header, rows);
    p.println();
    p.println(paint(DIM, line(header, width)));
    int runtimes = groups.runtimes().size();
    for (int i = 0; i < rows.size(); i++) {
      p.println(paint(colours.get(i), line(rows.get(i), width)));
      String chain = i < runtimes ? "" : groups.unreadRuntimes().get(i - runtimes).finding().chain();
      if (verbose && !chain.isEmpty()) {
        p.println("    " + paint(DIM, "evidence: ") + chain);
      }
    }
  }

  /** One line per (account, region, status, error text), naming each kind not read; then each text once. */
  private void coverageGaps(List<CoverageRecord> gaps, ErrorNotes notes, PrintStream p) {
    if (gaps.isEmpty()) {
      return;
    }
    p.println();
    p.println(paint(CYAN, "Coverage gaps (" + gaps.size() + "): these scopes were not read; their results are UNKNOWN"));
    Map<String, List<CoverageRecord>> lines = new LinkedHashMap<>();
    for (CoverageRecord c : gaps) {
      String label = notes.labelOf(c);
      String key = c.accountId() + " " + c.region() + " " + c.status().name()
          + c.errorCode().map(x -> " " + x).orElse("") + (label.isEmpty() ? "" : " [" + label + "]");
      lines.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    lines.forEach((key, cs) -> p.println("  " + key + ": " + cs.stream()
        .map(c -> c.kind().name() + c.operation().map(o -> " (" + o.substring(o.indexOf(':') + 1) + ")").orElse(""))
        .collect(Collectors.joining(", "))));
    for (ErrorNotes.Note n : notes.notes()) {
      p.println(paint(DIM, "  [" + n.label() + "] " + n.errorCode() + ": " + n.text()));
    }
  }

  /** An account's findings; several UNKNOWN results of one region share a line unless verbose. */
  private void scope(RuntimeGroups.Scope s, Rows rows) {
    Map<String, List<ReportView.Entry>> unknownByRegion = new LinkedHashMap<>();
    for (ReportView.Entry e : s.findings()) {
      Finding f = e.finding();
      if (!verbose && f.status() == Status.UNKNOWN && f.suppression().isEmpty()) {
        unknownByRegion.computeIfAbsent(f.resource().region(), k -> new ArrayList<>()).add(e);
      }
    }
    unknownByRegion.values().removeIf(l -> l.size() < 3);
    for (ReportView.Entry e : s.findings()) {
      List<ReportView.Entry> shared = unknownByRegion.get(e.finding().resource().region());
      if (shared == null || !shared.contains(e)) {
        rows.finding(e, true);
      } else if (shared.get(0) == e) {
        rows.note(CYAN, "UNKNOWN", shared.size() + " results in " + e.finding().resource().region()
            + " not verified (see the coverage gaps; --verbose lists each): " + shared.stream()
            .map(x -> x.finding().ruleId() + " " + x.finding().resource().kind() + " " + x.finding().resource().id())
            .collect(Collectors.joining(", ")));
      }
    }
  }

  /** A line of the grouped findings. */
  private sealed interface Item permits Section, Heading, Note, Row {}

  private record Section(String title) implements Item {}

  private record Heading(String title) implements Item {}

  private record Note(String colourCode, String status, String text) implements Item {}

  private record Row(ReportView.Entry entry, boolean withRegion) implements Item {}

  /** The grouped findings, collected first so their columns align across groups. */
  private final class Rows {
    private final boolean comparing;
    private final List<Item> items = new ArrayList<>();

    Rows(boolean comparing) {
      this.comparing = comparing;
    }

    void section(String title) {
      items.add(new Section(title));
    }

    void heading(String title) {
      items.add(new Heading(title));
    }

    void note(String colourCode, String status, String text) {
      items.add(new Note(colourCode, status, text));
    }

    void finding(ReportView.Entry e, boolean withRegion) {
      items.add(new Row(e, withRegion));
    }

    private String[] cells(Row row) {
      Finding f = row.entry().finding();
      String status = f.status().name() + (f.suppression().isPresent() ? " (suppressed)" : "");
      String resource = (row.withRegion() ? f.resource().region() + " " : "") + f.resource().kind() + " " + f.resource().id();
      String state = row.entry().baselineState().map(s -> s.wireName()).orElse("");
      return comparing
          ? new String[] {f.severity().name(), status, state, f.ruleId(), resource}
          : new String[] {f.severity().name(), status, f.ruleId(), resource};
    }

    void print(PrintStream p, ErrorNotes notes) {
      List<String[]> all = items.stream().filter(Row.class::isInstance).map(i -> cells((Row) i)).toList();
      int[] width = widths(new String[0], all);
      for (Item it : items) {
        if (it instanceof Section s) {
          p.println();
          p.println(paint(BOLD, s.title()));
        } else if (it instanceof Heading h) {
          p.println(" " + h.title());
        } else if (it instanceof Note n) {
          p.println("   " + paint(n.colourCode(), n.status()) + "  " + n.text());
        } else if (it instanceof Row row) {
          Finding f = row.entry().finding();
          p.println("   " + paint(colourOf(f), line(cells(row), width)) + "  " + notes.refer(f.message()));
          f.suppression().ifPresent(s -> p.println("      " + paint(DIM, "suppressed until " + s.expires()
              + " by " + s.owner() + ": " + s.justification())));
          if (verbose && !f.chain().isEmpty()) {
            p.println("      " + paint(DIM, "evidence: ") + f.chain());
          }
        }
      }
    }
  }

  private static String headline(ReportView view) {
    ScanReport r = view.report();
    return "agentfence " + r.toolVersion() + ": " + view.entries().size() + " results — "
        + view.count(Status.FAIL) + " FAIL, " + view.count(Status.UNKNOWN) + " UNKNOWN, "
        + view.count(Status.PASS) + " PASS; " + view.failing() + " failing, " + view.suppressed() + " suppressed; "
        + (r.complete() ? "scan complete" : "scan INCOMPLETE (" + view.coverageGaps().size() + " coverage gaps)");
  }

  private static String colourOf(Status s) {
    return s == Status.FAIL ? RED : s == Status.UNKNOWN ? CYAN : GREEN;
  }

  private static String colourOf(Finding f) {
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

  private static int[] widths(String[] header, List<String[]> rows) {
    int n = rows.isEmpty() ? header.length : rows.get(0).length;
    int[] width = new int[n];
    for (int i = 0; i < n && i < header.length; i++) {
      width[i] = header[i].length();
    }
    rows.forEach(r -> {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    });
    return width;
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
