package io.agentfence.reporters.json;

import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.reporters.JsonSupport;
import io.agentfence.reporters.ReportView;
import io.agentfence.reporters.Reporter;
import io.agentfence.reporters.compare.BaselineState;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.compare.PreviousFinding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON result ({@code --format json}). Field names are a contract scripts depend on; they are
 * documented in {@code docs/output-formats.md} and {@code docs/findings.schema.json}, which a test
 * validates this output against.
 */
public final class JsonReporter implements Reporter {
  /** Bumped only on an incompatible change of the shape below. */
  public static final int FORMAT_VERSION = 1;

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String defaultFileName() {
    return "agentfence.json";
  }

  @Override
  public void write(ScanReport report, Comparison comparison, OutputStream out) throws IOException {
    JsonSupport.MAPPER.writeValue(out, document(ReportView.of(report, comparison)));
    out.write('\n');
    out.flush();
  }

  /** The document as a tree (tests and the CLI reuse it). */
  public ObjectNode document(ReportView view) {
    ScanReport report = view.report();
    ObjectNode root = JsonSupport.MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "agentfence");
    tool.put("version", report.toolVersion());
    ObjectNode source = root.putObject("source");
    source.put("collection", report.collection().source());
    source.put("baseline", report.baselineSource());
    root.set("summary", summary(view));
    ArrayNode coverage = root.putArray("coverage");
    report.coverage().forEach(c -> coverage.add(coverage(c)));
    ArrayNode findings = root.putArray("findings");
    for (ReportView.Entry e : view.entries()) {
      ObjectNode f = finding(e.finding(), e.fingerprint());
      e.baselineState().ifPresent(s -> f.put("baselineState", s.wireName()));
      findings.add(f);
    }
    if (view.comparison().active()) {
      ArrayNode absent = root.putArray("absentFindings");
      view.comparison().absent().forEach(p -> absent.add(absent(p)));
    }
    return root;
  }

  private static ObjectNode summary(ReportView view) {
    ObjectNode s = JsonSupport.MAPPER.createObjectNode();
    s.put("total", view.entries().size());
    ObjectNode byStatus = s.putObject("byStatus");
    for (Status st : Status.values()) {
      byStatus.put(st.name(), view.count(st));
    }
    ObjectNode bySeverity = s.putObject("bySeverity");
    for (Severity sev : Severity.values()) {
      bySeverity.put(sev.name(), view.failing(sev));
    }
    s.put("failing", view.failing());
    s.put("suppressed", view.suppressed());
    s.put("complete", view.report().complete());
    s.put("coverageGaps", view.coverageGaps().size());
    if (view.comparison().active()) {
      ObjectNode c = s.putObject("comparison");
      c.put("previous", view.comparison().previousSource());
      for (BaselineState st : BaselineState.values()) {
        long n = st == BaselineState.ABSENT ? view.comparison().absent().size()
            : view.entries().stream().filter(e -> e.baselineState().orElse(null) == st).count();
        c.put(st.wireName(), n);
      }
    }
    return s;
  }

  private static ObjectNode coverage(CoverageRecord c) {
    ObjectNode n = JsonSupport.MAPPER.createObjectNode();
    n.put("accountId", c.accountId());
    n.put("region", c.region());
    n.put("kind", c.kind().name());
    n.put("status", c.status().name());
    n.put("complete", c.status().isComplete());
    c.operation().ifPresent(v -> n.put("operation", v));
    c.errorCode().ifPresent(v -> n.put("errorCode", v));
    c.message().ifPresent(v -> n.put("message", v));
    return n;
  }

  private static ObjectNode finding(Finding f, String fingerprint) {
    ObjectNode n = JsonSupport.MAPPER.createObjectNode();
    n.put("ruleId", f.ruleId());
    n.put("status", f.status().name());
    n.put("severity", f.severity().name());
    n.set("resource", resource(f.resource()));
    n.put("message", f.message());
    ArrayNode ev = n.putArray("evidence");
    for (EvidenceLink l : f.evidence()) {
      ObjectNode link = ev.addObject();
      link.put("kind", l.kind());
      link.put("id", l.id());
      link.put("note", l.note());
    }
    n.put("chain", f.chain());
    n.put("fingerprint", fingerprint);
    ObjectNode props = n.putObject("properties");
    for (Map.Entry<String, String> p : f.properties().entrySet()) {
      props.put(p.getKey(), p.getValue());
    }
    f.suppression().ifPresent(s -> {
      ObjectNode sup = n.putObject("suppression");
      sup.put("justification", s.justification());
      sup.put("owner", s.owner());
      sup.put("expires", s.expires().toString());
    });
    return n;
  }

  private static ObjectNode absent(PreviousFinding p) {
    ObjectNode n = JsonSupport.MAPPER.createObjectNode();
    n.put("ruleId", p.ruleId());
    n.put("status", p.status().name());
    n.put("severity", p.severity().name());
    n.set("resource", resource(p.resource()));
    n.put("message", p.message());
    n.put("chain", p.chain());
    n.put("fingerprint", p.fingerprint());
    n.put("baselineState", BaselineState.ABSENT.wireName());
    return n;
  }

  static ObjectNode resource(ResourceRef r) {
    ObjectNode n = JsonSupport.MAPPER.createObjectNode();
    n.put("arn", r.arn());
    n.put("kind", r.kind());
    n.put("id", r.id());
    n.put("accountId", r.accountId());
    n.put("region", r.region());
    return n;
  }

}
