package io.agentfence.reporters.ocsf;

import io.agentfence.check.RuleMetadata;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.reporters.JsonSupport;
import io.agentfence.reporters.ReportView;
import io.agentfence.reporters.Reporter;
import io.agentfence.reporters.compare.Comparison;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OCSF 1.6.0 (the version AWS Security Hub ingests) Compliance Findings, class_uid 2003, with the
 * cloud profile: one per FAIL or UNKNOWN result, as a JSON array. PASS results are not findings in
 * OCSF's sense and are left out. The mapping table is in docs/output-formats.md.
 */
public final class OcsfReporter implements Reporter {
  public static final String OCSF_VERSION = "1.6.0";
  static final int CLASS_UID = 2003;
  static final int CATEGORY_UID = 2;
  static final int ACTIVITY_CREATE = 1;

  @Override
  public String format() {
    return "ocsf";
  }

  @Override
  public String defaultFileName() {
    return "agentfence.ocsf.json";
  }

  @Override
  public void write(ScanReport report, Comparison comparison, OutputStream out) throws IOException {
    ReportView view = ReportView.of(report, comparison);
    long time = report.collection().finishedAt().or(() -> report.collection().startedAt())
        .orElseGet(Instant::now).toEpochMilli();
    ArrayNode all = JsonSupport.MAPPER.createArrayNode();
    for (ReportView.Entry e : view.entries()) {
      if (e.finding().status() != Status.PASS) {
        all.add(finding(view, e, time));
      }
    }
    JsonSupport.MAPPER.writeValue(out, all);
  }

  private static ObjectNode finding(ReportView view, ReportView.Entry e, long time) {
    Finding f = e.finding();
    ResourceRef r = f.resource();
    Optional<RuleMetadata> rule = view.rule(f.ruleId());
    ObjectNode o = JsonSupport.MAPPER.createObjectNode();
    o.put("activity_id", ACTIVITY_CREATE).put("activity_name", "Create")
        .put("category_uid", CATEGORY_UID).put("category_name", "Findings")
        .put("class_uid", CLASS_UID).put("class_name", "Compliance Finding")
        .put("type_uid", CLASS_UID * 100 + ACTIVITY_CREATE).put("type_name", "Compliance Finding: Create")
        .put("time", time)
        .put("severity_id", severityId(f.severity())).put("severity", severityName(f.severity()))
        .put("status_id", f.suppression().isPresent() ? 3 : 1)
        .put("status", f.suppression().isPresent() ? "Suppressed" : "New")
        .put("message", f.message());
    ObjectNode metadata = o.putObject("metadata").put("version", OCSF_VERSION);
    metadata.putArray("profiles").add("cloud");
    metadata.putObject("product").put("name", "agentfence").put("vendor_name", "agentfence")
        .put("version", view.report().toolVersion());
    ObjectNode cloud = o.putObject("cloud").put("provider", "AWS");
    if (!r.region().equals("global")) {
      cloud.put("region", r.region());
    }
    if (!r.accountId().isEmpty()) {
      cloud.putObject("account").put("uid", r.accountId()).put("type", "AWS Account").put("type_id", 10);
    }
    ObjectNode info = o.putObject("finding_info").put("uid", e.fingerprint())
        .put("title", rule.map(RuleMetadata::name).orElse(f.ruleId())).put("desc", f.message());
    rule.ifPresent(m -> info.putArray("types").add(m.area().name()));
    ObjectNode compliance = o.putObject("compliance").put("control", f.ruleId())
        .put("status_id", f.status() == Status.FAIL ? 3 : 0).put("status", f.status() == Status.FAIL ? "Fail" : "Unknown");
    compliance.putArray("standards").add("agentfence AgentCore containment baseline");
    rule.ifPresent(m -> {
      compliance.put("desc", m.summary());
      compliance.putArray("requirements").add(m.control());
    });
    ObjectNode resource = o.putArray("resources").addObject().put("uid", r.arn()).put("name", r.id()).put("type", r.kind());
    if (!r.region().equals("global")) {
      resource.put("region", r.region());
    }
    rule.ifPresent(m -> {
      ObjectNode rem = o.putObject("remediation").put("desc", m.remediation().console());
      ArrayNode refs = rem.putArray("references");
      m.references().forEach(refs::add);
      if (!m.remediation().cli().isBlank()) {
        refs.add("CLI: " + m.remediation().cli());
      }
    });
    ObjectNode unmapped = o.putObject("unmapped").put("rule_id", f.ruleId()).put("agentfence_status", f.status().name())
        .put("chain", f.chain());
    ArrayNode evidence = unmapped.putArray("evidence");
    for (EvidenceLink l : f.evidence()) {
      evidence.addObject().put("kind", l.kind()).put("id", l.id()).put("note", l.note());
    }
    if (!f.properties().isEmpty()) {
      ObjectNode props = unmapped.putObject("properties");
      f.properties().forEach(props::put);
    }
    f.suppression().ifPresent(s -> unmapped.putObject("suppression").put("owner", s.owner())
        .put("expires", s.expires().toString()).put("justification", s.justification()));
    e.baselineState().ifPresent(s -> unmapped.put("baseline_state", s.wireName()));
    return o;
  }

  /** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
  static int severityId(Severity s) {
    return switch (s) {
      case INFO -> 1;
      case LOW -> 2;
      case MEDIUM -> 3;
      case HIGH -> 4;
      case CRITICAL -> 5;
    };
  }

  static String severityName(Severity s) {
    return switch (s) {
      case INFO -> "Informational";
      case LOW -> "Low";
      case MEDIUM -> "Medium";
      case HIGH -> "High";
      case CRITICAL -> "Critical";
    };
  }
}
