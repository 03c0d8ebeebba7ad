package io.agentfence.reporters.html;

import static io.agentfence.reporters.html.Html.esc;

import io.agentfence.check.RuleMetadata;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Status;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.reporters.ReportView;
import io.agentfence.reporters.Reporter;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.runtime.Anchors;
import io.agentfence.reporters.runtime.ContainmentMap;
import io.agentfence.reporters.runtime.RuntimeGroups;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One self-contained HTML page (no network, strict CSP): the verdict per runtime first; per
 * runtime its containment map with the broken links in red (rule, remediation) and the unverified
 * ones grey (reason); the other findings by account; coverage gaps; suppressions with owner and
 * expiry; filters by account, region, verdict and rule.
 */
public final class HtmlReporter implements Reporter {
  @Override
  public String format() {
    return "html";
  }

  @Override
  public String defaultFileName() {
    return "agentfence.html";
  }

  @Override
  public void write(ScanReport report, Comparison comparison, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(render(ReportView.of(report, comparison)));
    w.flush();
  }

  static String render(ReportView view) {
    RuntimeGroups groups = RuntimeGroups.of(view);
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(HtmlPage.CSP).append("\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>agentfence report</title><style>").append(HtmlPage.CSS).append("</style></head><body>\n");
    ScanReport r = view.report();
    b.append("<h1>agentfence containment report</h1><p class=\"summary\">agentfence ").append(esc(r.toolVersion()))
        .append(" · baseline ").append(esc(r.baselineSource())).append(" · ").append(view.entries().size())
        .append(" results: ").append(view.count(Status.FAIL)).append(" FAIL, ").append(view.count(Status.UNKNOWN))
        .append(" UNKNOWN, ").append(view.count(Status.PASS)).append(" PASS; ").append(view.failing())
        .append(" failing, ").append(view.suppressed()).append(" suppressed · ")
        .append(r.complete() ? "scan complete" : "scan INCOMPLETE (" + view.coverageGaps().size() + " coverage gaps)")
        .append("</p>\n");
    verdicts(b, groups);
    filters(b, view, groups);
    for (RuntimeGroups.Runtime rt : groups.runtimes()) {
      runtime(b, view, rt);
    }
    otherFindings(b, groups);
    coverage(b, view.coverageGaps());
    suppressions(b, view);
    b.append("<script>").append(HtmlPage.SCRIPT).append("</script>\n</body></html>\n");
    return b.toString();
  }

  private static void verdicts(StringBuilder b, RuntimeGroups groups) {
    b.append("<h2 id=\"verdicts\">Verdict per runtime</h2><table class=\"verdicts\"><thead><tr><th>Runtime</th>")
        .append("<th>Verdict</th><th>Account</th><th>Region</th><th>First broken link</th></tr></thead><tbody>\n");
    for (RuntimeGroups.Runtime rt : groups.runtimes()) {
      ResourceRef ref = rt.ref();
      b.append("<tr").append(filterAttrs(ref.accountId(), ref.region(), rt.verdict(), rulesOf(rt))).append(">")
          .append("<td class=\"id\"><a href=\"#").append(Anchors.of(ref)).append("\">").append(esc(ref.id()))
          .append("</a></td><td>").append(badge(rt.verdict())).append("</td><td class=\"id\">").append(esc(ref.accountId()))
          .append("</td><td class=\"nw\">").append(esc(ref.region())).append("</td><td>")
          .append(esc(rt.verdict() == Status.PASS ? "contained" : rt.firstBrokenLink())).append("</td></tr>\n");
    }
    for (ReportView.Entry e : groups.unreadRuntimes()) {
      Finding f = e.finding();
      b.append("<tr").append(filterAttrs(f.resource().accountId(), f.resource().region(), f.status(), List.of(f.ruleId())))
          .append("><td>(runtimes not listed)</td><td>").append(badge(f.status())).append("</td><td class=\"id\">")
          .append(esc(f.resource().accountId())).append("</td><td>").append(esc(f.resource().region())).append("</td><td>")
          .append(esc(f.message())).append("</td></tr>\n");
    }
    b.append("</tbody></table>\n");
  }

  private static void filters(StringBuilder b, ReportView view, RuntimeGroups groups) {
    TreeSet<String> accounts = new TreeSet<>();
    TreeSet<String> regions = new TreeSet<>();
    TreeSet<String> rules = new TreeSet<>();
    for (ReportView.Entry e : view.entries()) {
      if (e.finding().status() != Status.PASS || e.finding().resource().kind().equals("runtime")) {
        accounts.add(e.finding().resource().accountId());
        regions.add(e.finding().resource().region());
      }
      if (e.finding().status() != Status.PASS) {
        rules.add(e.finding().ruleId());
      }
    }
    accounts.remove("");
    b.append("<div class=\"filters\" role=\"search\">");
    select(b, "account", "Account", accounts);
    select(b, "region", "Region", regions);
    select(b, "verdict", "Verdict", List.of("FAIL", "UNKNOWN", "PASS"));
    select(b, "rule", "Rule", rules);
    b.append("<span class=\"legend\"><span class=\"v v-FAIL\">broken</span><span class=\"v v-UNKNOWN\">not verified</span>")
        .append("<span class=\"v v-PASS\">verified</span></span></div>\n");
  }

  private static void select(StringBuilder b, String key, String label, Iterable<String> values) {
    b.append("<label>").append(label).append(" <select data-filter=\"").append(key).append("\"><option value=\"\">all</option>");
    values.forEach(v -> b.append("<option value=\"").append(esc(v)).append("\">").append(esc(v)).append("</option>"));
    b.append("</select></label>");
  }

  private static void runtime(StringBuilder b, ReportView view, RuntimeGroups.Runtime rt) {
    ResourceRef ref = rt.ref();
    ContainmentMap map = ContainmentMap.of(view, ref);
    b.append("<section class=\"runtime\" id=\"").append(Anchors.of(ref)).append("\"")
        .append(filterAttrs(ref.accountId(), ref.region(), rt.verdict(), rulesOf(rt))).append(">")
        .append("<h2>").append(badge(rt.verdict())).append(" runtime <span class=\"mono\">").append(esc(ref.id()))
        .append("</span></h2><p class=\"summary\">account <span class=\"mono\">").append(esc(ref.accountId()))
        .append("</span> · ").append(esc(ref.region())).append(" · <span class=\"mono\">").append(esc(ref.arn()))
        .append("</span></p>");
    rt.containment().ifPresent(c -> b.append("<p>").append(esc(c.finding().message())).append("</p>"));
    b.append("<div class=\"scroll\">").append(SvgMap.draw(map, "containment map of runtime " + ref.id())).append("</div>");
    List<ReportView.Entry> broken = new ArrayList<>();
    map.lanes().values().forEach(nodes -> nodes.forEach(n -> collect(n, broken)));
    if (!broken.isEmpty()) {
      b.append("<h3>Broken and unverified links</h3><ul class=\"links\">");
      for (ReportView.Entry e : broken) {
        Finding f = e.finding();
        Optional<RuleMetadata> rule = view.rule(f.ruleId());
        String cls = f.status() == Status.FAIL ? "fail" : "unknown";
        b.append("<li class=\"").append(cls).append("\"><strong>").append(esc(f.ruleId())).append("</strong> ")
            .append(esc(rule.map(RuleMetadata::name).orElse(""))).append(" — ").append(f.status().name())
            .append(f.suppression().isPresent() ? " (suppressed)" : "").append(": ")
            .append(esc(f.message()));
        if (f.status() == Status.FAIL) {
          rule.map(RuleMetadata::remediation).ifPresent(rem -> b.append("<div class=\"remedy\">Remediation: ")
              .append(esc(rem.console())).append(rem.cli().isBlank() ? "" : " <code>" + esc(rem.cli()) + "</code>")
              .append("</div>"));
        } else {
          b.append("<div class=\"remedy\">Why unknown: the scope or field this rule needs was not read; see coverage gaps.</div>");
        }
        b.append("</li>");
      }
      b.append("</ul>");
    }
    b.append("</section>\n");
  }

  /** The findings that judged a FAIL or UNKNOWN link, once each, in drawing order. */
  private static void collect(ContainmentMap.Node n, List<ReportView.Entry> out) {
    for (ReportView.Entry e : n.judged()) {
      if (e.finding().status() != Status.PASS && !out.contains(e)) {
        out.add(e);
      }
    }
    n.children().forEach(c -> collect(c, out));
  }

  private static void otherFindings(StringBuilder b, RuntimeGroups groups) {
    if (groups.scopes().isEmpty()) {
      return;
    }
    b.append("<h2 id=\"accounts\">Findings by account</h2><table><thead><tr><th>Account</th><th>Region</th>")
        .append("<th>Status</th><th>Severity</th><th>Rule</th><th>Resource</th><th>Message</th></tr></thead><tbody>\n");
    for (RuntimeGroups.Scope s : groups.scopes()) {
      for (ReportView.Entry e : s.findings()) {
        Finding f = e.finding();
        b.append("<tr").append(filterAttrs(s.accountId(), f.resource().region(), f.status(), List.of(f.ruleId())))
            .append("><td class=\"id\">").append(esc(s.accountId().isEmpty() ? "organization" : s.accountId()))
            .append("</td><td>").append(esc(f.resource().region())).append("</td><td>").append(badge(f.status()))
            .append("</td><td>").append(f.severity().name()).append("</td><td>").append(esc(f.ruleId()))
            .append("</td><td class=\"id\">").append(esc(f.resource().kind() + " " + f.resource().id()))
            .append("</td><td>").append(esc(f.message())).append("</td></tr>\n");
      }
    }
    b.append("</tbody></table>\n");
  }

  private static void coverage(StringBuilder b, List<CoverageRecord> gaps) {
    b.append("<h2 id=\"coverage\">Coverage gaps</h2>");
    if (gaps.isEmpty()) {
      b.append("<p>None: every account, region and kind in scope was read.</p>\n");
      return;
    }
    b.append("<p>Not read, so everything that depends on them is UNKNOWN (never PASS).</p><table><thead><tr>")
        .append("<th>Account</th><th>Region</th><th>Kind</th><th>Status</th><th>Operation</th><th>AWS error</th></tr></thead><tbody>\n");
    Function<java.util.Optional<String>, String> o = x -> esc(x.orElse(""));
    for (CoverageRecord c : gaps) {
      b.append("<tr").append(filterAttrs(c.accountId(), c.region(), Status.UNKNOWN, List.of())).append("><td class=\"id\">")
          .append(esc(c.accountId())).append("</td><td>").append(esc(c.region())).append("</td><td>").append(c.kind().name())
          .append("</td><td>").append(c.status().name()).append("</td><td>").append(o.apply(c.operation()))
          .append("</td><td>").append(o.apply(c.errorCode())).append(c.message().isPresent() ? ": " : "")
          .append(o.apply(c.message())).append("</td></tr>\n");
    }
    b.append("</tbody></table>\n");
  }

  private static void suppressions(StringBuilder b, ReportView view) {
    b.append("<h2 id=\"suppressions\">Suppressions</h2>");
    List<ReportView.Entry> s = view.entries().stream().filter(e -> e.finding().suppression().isPresent()).toList();
    if (s.isEmpty()) {
      b.append("<p>None.</p>\n");
      return;
    }
    b.append("<table><thead><tr><th>Rule</th><th>Resource</th><th>Owner</th><th>Expires</th><th>Justification</th>")
        .append("</tr></thead><tbody>\n");
    for (ReportView.Entry e : s) {
      Finding f = e.finding();
      var sup = f.suppression().get();
      b.append("<tr").append(filterAttrs(f.resource().accountId(), f.resource().region(), f.status(), List.of(f.ruleId())))
          .append("><td>").append(esc(f.ruleId())).append("</td><td class=\"id\">").append(esc(f.resource().arn()))
          .append("</td><td>").append(esc(sup.owner())).append("</td><td>").append(sup.expires()).append("</td><td>")
          .append(esc(sup.justification())).append("</td></tr>\n");
    }
    b.append("</tbody></table>\n");
  }

  private static List<String> rulesOf(RuntimeGroups.Runtime rt) {
    List<String> ids = new ArrayList<>();
    rt.containment().ifPresent(c -> {
      ids.add(c.finding().ruleId());
      Map<String, String> p = c.finding().properties();
      for (String k : List.of("failedRules", "unknownRules")) {
        for (String id : p.getOrDefault(k, "").split(",")) {
          if (!id.isBlank()) {
            ids.add(id);
          }
        }
      }
    });
    rt.findings().forEach(e -> ids.add(e.finding().ruleId()));
    return ids.stream().distinct().toList();
  }

  private static String filterAttrs(String account, String region, Status verdict, List<String> rules) {
    return " data-filterable=\"\" data-account=\"" + esc(account) + "\" data-region=\"" + esc(region)
        + "\" data-verdict=\"" + verdict.name() + "\" data-rule=\"" + esc(String.join(" ", rules)) + "\"";
  }

  private static String badge(Status s) {
    return "<span class=\"v v-" + s.name() + "\">" + s.name() + "</span>";
  }
}
