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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON result ({@code --format json}). Field names are a contract scripts depend on; they are
 * documented in {@code docs/output-formats.md} and {@code docs/findings.schema.json}, which a test
 * validates this output against.
 *
 * <p>Written with Jackson's streaming generator straight to the caller's stream, one finding at a
 * time: a report of a million findings is gigabytes of JSON, and neither it nor a tree of it is
 * ever held in memory. The bytes are the same as serialising the equivalent tree would give.
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
    write(ReportView.of(report, comparison), out);
    out.write('\n');
    out.flush();
  }

  private void write(ReportView view, OutputStream out) {
    try (JsonGenerator g = JsonSupport.MAPPER.writer().createGenerator(out)) {
      document(view, g);
    }
  }

  /** The document as a tree (tests reuse it); the same bytes {@link #write} streams, read back. */
  public ObjectNode document(ReportView view) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    write(view, buf);
    return (ObjectNode) JsonSupport.MAPPER.readTree(buf.toByteArray());
  }

  private static void document(ReportView view, JsonGenerator g) {
    ScanReport report = view.report();
    g.writeStartObject();
    g.writeNumberProperty("formatVersion", FORMAT_VERSION);
    g.writeObjectPropertyStart("tool");
    g.writeStringProperty("name", "agentfence");
    g.writeStringProperty("version", report.toolVersion());
    g.writeEndObject();
    g.writeObjectPropertyStart("source");
    g.writeStringProperty("collection", report.collection().source());
    g.writeStringProperty("baseline", report.baselineSource());
    g.writeEndObject();
    summary(view, g);
    g.writeArrayPropertyStart("coverage");
    report.coverage().forEach(c -> coverage(c, g));
    g.writeEndArray();
    g.writeArrayPropertyStart("findings");
    for (ReportView.Entry e : view.entries()) {
      finding(e, g);
    }
    g.writeEndArray();
    if (view.comparison().active()) {
      g.writeArrayPropertyStart("absentFindings");
      view.comparison().absent().forEach(p -> absent(p, g));
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void summary(ReportView view, JsonGenerator g) {
    // One pass over the findings for every count (a report can hold a million of them).
    Map<Status, Long> byStatus = new EnumMap<>(Status.class);
    Map<Severity, Long> failingBySeverity = new EnumMap<>(Severity.class);
    Map<BaselineState, Long> byState = new EnumMap<>(BaselineState.class);
    long failing = 0;
    long suppressed = 0;
    for (ReportView.Entry e : view.entries()) {
      Finding f = e.finding();
      byStatus.merge(f.status(), 1L, Long::sum);
      if (f.counts()) {
        failing++;
        failingBySeverity.merge(f.severity(), 1L, Long::sum);
      }
      if (f.suppression().isPresent()) {
        suppressed++;
      }
      e.baselineState().ifPresent(s -> byState.merge(s, 1L, Long::sum));
    }
    g.writeObjectPropertyStart("summary");
    g.writeNumberProperty("total", view.entries().size());
    g.writeObjectPropertyStart("byStatus");
    for (Status st : Status.values()) {
      g.writeNumberProperty(st.name(), byStatus.getOrDefault(st, 0L));
    }
    g.writeEndObject();
    g.writeObjectPropertyStart("bySeverity");
    for (Severity sev : Severity.values()) {
      g.writeNumberProperty(sev.name(), failingBySeverity.getOrDefault(sev, 0L));
    }
    g.writeEndObject();
    g.writeNumberProperty("failing", failing);
    g.writeNumberProperty("suppressed", suppressed);
    g.writeBooleanProperty("complete", view.report().complete());
    g.writeNumberProperty("coverageGaps", view.coverageGaps().size());
    if (view.comparison().active()) {
      g.writeObjectPropertyStart("comparison");
      g.writeStringProperty("previous", view.comparison().previousSource());
      for (BaselineState st : BaselineState.values()) {
        long n = st == BaselineState.ABSENT ? view.comparison().absent().size() : byState.getOrDefault(st, 0L);
        g.writeNumberProperty(st.wireName(), n);
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void coverage(CoverageRecord c, JsonGenerator g) {
    g.writeStartObject();
    g.writeStringProperty("accountId", c.accountId());
    g.writeStringProperty("region", c.region());
    g.writeStringProperty("kind", c.kind().name());
    g.writeStringProperty("status", c.status().name());
    g.writeBooleanProperty("complete", c.status().isComplete());
    c.operation().ifPresent(v -> g.writeStringProperty("operation", v));
    c.errorCode().ifPresent(v -> g.writeStringProperty("errorCode", v));
    c.message().ifPresent(v -> g.writeStringProperty("message", v));
    g.writeEndObject();
  }

  private static void finding(ReportView.Entry e, JsonGenerator g) {
    Finding f = e.finding();
    g.writeStartObject();
    g.writeStringProperty("ruleId", f.ruleId());
    g.writeStringProperty("status", f.status().name());
    g.writeStringProperty("severity", f.severity().name());
    resource(f.resource(), g);
    g.writeStringProperty("message", f.message());
    g.writeArrayPropertyStart("evidence");
    for (EvidenceLink l : f.evidence()) {
      g.writeStartObject();
      g.writeStringProperty("kind", l.kind());
      g.writeStringProperty("id", l.id());
      g.writeStringProperty("note", l.note());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringProperty("chain", f.chain());
    g.writeStringProperty("fingerprint", e.fingerprint());
    g.writeObjectPropertyStart("properties");
    for (Map.Entry<String, String> p : f.properties().entrySet()) {
      g.writeStringProperty(p.getKey(), p.getValue());
    }
    g.writeEndObject();
    f.suppression().ifPresent(s -> {
      g.writeObjectPropertyStart("suppression");
      g.writeStringProperty("justification", s.justification());
      g.writeStringProperty("owner", s.owner());
      g.writeStringProperty("expires", s.expires().toString());
      g.writeEndObject();
    });
    e.baselineState().ifPresent(s -> g.writeStringProperty("baselineState", s.wireName()));
    g.writeEndObject();
  }

  private static void absent(PreviousFinding p, JsonGenerator g) {
    g.writeStartObject();
    g.writeStringProperty("ruleId", p.ruleId());
    g.writeStringProperty("status", p.status().name());
    g.writeStringProperty("severity", p.severity().name());
    resource(p.resource(), g);
    g.writeStringProperty("message", p.message());
    g.writeStringProperty("chain", p.chain());
    g.writeStringProperty("fingerprint", p.fingerprint());
    g.writeStringProperty("baselineState", BaselineState.ABSENT.wireName());
    g.writeEndObject();
  }

  private static void resource(ResourceRef r, JsonGenerator g) {
    g.writeObjectPropertyStart("resource");
    g.writeStringProperty("arn", r.arn());
    g.writeStringProperty("kind", r.kind());
    g.writeStringProperty("id", r.id());
    g.writeStringProperty("accountId", r.accountId());
    g.writeStringProperty("region", r.region());
    g.writeEndObject();
  }
}
