package io.agentfence.schedules.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.reporters.Reporters;
import io.agentfence.reporters.runtime.Anchors;
import io.agentfence.schedules.drift.DriftReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's Markdown summary links each runtime to its map in the run's HTML report. */
class ReportWriterTest {
  @Test
  void markdownLinksEachRuntimesMapInTheHtmlReport(@TempDir Path dir) throws Exception {
    ResourceRef rt = new ResourceRef("runtime", "agent-1", "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/agent-1",
        "111122223333", "us-east-1");
    Finding verdict = new Finding("AF-CNT-001", Status.FAIL, Severity.HIGH, rt, "agent-1 is not contained",
        List.of(EvidenceLink.of("runtime", "agent-1"), EvidenceLink.of("rule", "AF-NET-001", "FAIL on runtime agent-1: x")),
        Map.of());
    ScanReport report = new ScanReport("1", "b", null, List.of(), List.of(verdict), List.of(), true);
    var spec = Harness.spec("0 0 3 * * ?", dir, List.of("111122223333"), Optional.empty());
    Path run = new ReportWriter(Reporters.all()).write(spec, 7, report,
        new DriftReport("run 6", "run 7", List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    String anchor = Anchors.of(rt);
    assertThat(run).isEqualTo(dir.resolve(spec.name()).resolve("run-7"));
    assertThat(Files.readString(run.resolve("agentfence.md"))).contains("[map](agentfence.html#" + anchor + ")");
    String html = Files.readString(run.resolve("agentfence.html"));
    assertThat(html).contains("<section class=\"runtime\" id=\"" + anchor + "\"").contains("<a href=\"#" + anchor + "\">");
  }
}
