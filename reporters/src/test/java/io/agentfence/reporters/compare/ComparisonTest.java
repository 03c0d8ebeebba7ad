package io.agentfence.reporters.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.reporters.Fingerprints;
import io.agentfence.reporters.Reporter;
import io.agentfence.reporters.SampleReports;
import io.agentfence.reporters.json.JsonReporter;
import io.agentfence.reporters.sarif.SarifReporter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
  static final ResourceRef A = SampleReports.runtime(SampleReports.A1, "us-east-1", "rt-a");
  static final ResourceRef B = SampleReports.runtime(SampleReports.A1, "us-east-1", "rt-b");
  static final ResourceRef C = SampleReports.runtime(SampleReports.A1, "us-east-1", "rt-c");

  static Finding fail(ResourceRef r, String msg) {
    return SampleReports.finding("AF-NET-001", Status.FAIL, Severity.CRITICAL, r, msg, EvidenceLink.of("runtime", r.id()));
  }

  static Path write(Reporter reporter, ScanReport report, Comparison c, Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      reporter.write(report, c, out);
    }
    return file;
  }

  static BaselineState state(Comparison c, Finding f) {
    return c.stateOf(Fingerprints.of(f)).orElseThrow();
  }

  /** new → unchanged → updated → absent over four runs, reading each previous result back from disk. */
  @Test
  void baselineStateOverASequenceOfRuns(@TempDir Path dir) throws Exception {
    ScanReport run1 = SampleReports.report(List.of(fail(A, "PUBLIC"), fail(B, "PUBLIC")));
    Path prev1 = write(new SarifReporter(), run1, Comparison.none(), dir.resolve("run1.sarif"));

    List<Finding> reordered = new ArrayList<>(run1.findings());
    Collections.reverse(reordered);
    ScanReport run2 = SampleReports.report(reordered);
    Comparison c2 = Comparison.of(run2, PreviousResults.read(prev1), prev1.toString());
    assertThat(state(c2, fail(A, ""))).isEqualTo(BaselineState.UNCHANGED);
    assertThat(state(c2, fail(B, ""))).isEqualTo(BaselineState.UNCHANGED);
    assertThat(c2.absent()).isEmpty();
    Path prev2 = write(new JsonReporter(), run2, c2, dir.resolve("run2.json"));

    ScanReport run3 = SampleReports.report(List.of(fail(A, "PUBLIC since version 4"), fail(B, "PUBLIC"), fail(C, "PUBLIC")));
    Comparison c3 = Comparison.of(run3, PreviousResults.read(prev2), prev2.toString());
    assertThat(state(c3, fail(A, ""))).isEqualTo(BaselineState.UPDATED);
    assertThat(state(c3, fail(B, ""))).isEqualTo(BaselineState.UNCHANGED);
    assertThat(state(c3, fail(C, ""))).isEqualTo(BaselineState.NEW);
    Path prev3 = write(new SarifReporter(), run3, c3, dir.resolve("run3.sarif"));

    Finding aPasses = SampleReports.finding("AF-NET-001", Status.PASS, Severity.CRITICAL, A, "VPC mode");
    ScanReport run4 = SampleReports.report(List.of(aPasses, fail(C, "PUBLIC")));
    Comparison c4 = Comparison.of(run4, PreviousResults.read(prev3), prev3.toString());
    assertThat(c4.stateOf(Fingerprints.of(aPasses))).isEmpty();
    assertThat(state(c4, fail(C, ""))).isEqualTo(BaselineState.UNCHANGED);
    assertThat(c4.absent()).extracting(p -> p.resource().id()).containsExactly("rt-a", "rt-b");
    assertThat(c4.absent().get(0).fingerprint()).isEqualTo(Fingerprints.of(aPasses));

    // A fifth run compared with the annotated fourth: absent results are not carried forward again.
    Path prev4 = write(new SarifReporter(), run4, c4, dir.resolve("run4.sarif"));
    Comparison c5 = Comparison.of(run4, PreviousResults.read(prev4), prev4.toString());
    assertThat(c5.absent()).isEmpty();
  }

  /** The chain read back from SARIF (rendered from its structured evidence) is the finding's own. */
  @Test
  void evidenceReadBackFromSarifDecidesUnchangedAndUpdated(@TempDir Path dir) throws Exception {
    Finding before = SampleReports.finding("AF-EGR-001", Status.FAIL, Severity.HIGH, A, "bypasses inspection",
        EvidenceLink.of("runtime", "rt-a"), EvidenceLink.of("subnet", "subnet-1", "us-east-1a"),
        EvidenceLink.of("route-table", "rtb-9", "main"), EvidenceLink.of("target", "nat-123", "not (the) inspection → gw"));
    Path prev = write(new SarifReporter(), SampleReports.report(List.of(before)), Comparison.none(), dir.resolve("p.sarif"));
    assertThat(PreviousResults.read(prev)).singleElement().satisfies(p -> assertThat(p.chain()).isEqualTo(before.chain()));
    Comparison same = Comparison.of(SampleReports.report(List.of(before)), PreviousResults.read(prev), "p");
    assertThat(state(same, before)).isEqualTo(BaselineState.UNCHANGED);
    Finding moved = SampleReports.finding("AF-EGR-001", Status.FAIL, Severity.HIGH, A, "bypasses inspection",
        EvidenceLink.of("runtime", "rt-a"), EvidenceLink.of("subnet", "subnet-2", "us-east-1b"),
        EvidenceLink.of("route-table", "rtb-9", "main"), EvidenceLink.of("target", "nat-123", "not (the) inspection → gw"));
    Comparison changed = Comparison.of(SampleReports.report(List.of(moved)), PreviousResults.read(prev), "p");
    assertThat(state(changed, moved)).isEqualTo(BaselineState.UPDATED);
  }

  @Test
  void failOnNewCountsOnlyNewFailingFindings() {
    ScanReport before = SampleReports.report(List.of(fail(A, "PUBLIC")));
    List<PreviousFinding> previous = List.of(new PreviousFinding(Fingerprints.of(fail(A, "")), "AF-NET-001",
        Status.FAIL, Severity.CRITICAL, A, "PUBLIC", "runtime rt-a"));
    ScanReport now = SampleReports.report(List.of(fail(A, "PUBLIC"), fail(B, "PUBLIC"),
        SampleReports.finding("AF-DNS-001", Status.FAIL, Severity.MEDIUM, C, "custom DNS")));
    Comparison c = Comparison.of(now, previous, "prev");
    assertThat(now.failingAtOrAbove(Severity.HIGH)).isEqualTo(2);
    assertThat(c.newFailingAtOrAbove(now, Severity.HIGH)).isEqualTo(1);
    assertThat(c.newFailingAtOrAbove(now, Severity.MEDIUM)).isEqualTo(2);
    assertThat(Comparison.of(before, previous, "prev").newFailingAtOrAbove(before, Severity.LOW)).isZero();
    assertThat(Comparison.none().newFailingAtOrAbove(now, Severity.HIGH)).isEqualTo(2);
  }

  @Test
  void badPreviousFilesAreClearErrors(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> PreviousResults.read(dir.resolve("missing.sarif")))
        .isInstanceOf(PreviousResultsException.class).hasMessageContaining("missing.sarif").hasMessageContaining("no such file");
    assertThatThrownBy(() -> PreviousResults.read(dir))
        .isInstanceOf(PreviousResultsException.class).hasMessage(dir + ": is a directory (--previous expects a SARIF"
            + " or JSON result file written by an earlier 'agentfence scan')");
    Path notJson = Files.writeString(dir.resolve("x.json"), "{\n  \"findings\": [\n oops");
    assertThatThrownBy(() -> PreviousResults.read(notJson))
        .isInstanceOf(PreviousResultsException.class).hasMessageContaining("x.json:3:").hasMessageContaining("not valid JSON");
    Path other = Files.writeString(dir.resolve("other.json"), "{\"hello\": 1}");
    assertThatThrownBy(() -> PreviousResults.read(other))
        .isInstanceOf(PreviousResultsException.class).hasMessageContaining("neither a SARIF log");
    Path foreign = Files.writeString(dir.resolve("trivy.sarif"),
        "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"Trivy\"}},\"results\":[]}]}");
    assertThatThrownBy(() -> PreviousResults.read(foreign))
        .isInstanceOf(PreviousResultsException.class).hasMessageContaining("/runs/0").hasMessageContaining("Trivy");
    Path noFp = Files.writeString(dir.resolve("nofp.json"),
        "{\"tool\":{\"name\":\"agentfence\"},\"findings\":[{\"ruleId\":\"AF-NET-001\",\"status\":\"FAIL\"}]}");
    assertThatThrownBy(() -> PreviousResults.read(noFp))
        .isInstanceOf(PreviousResultsException.class).hasMessageContaining("/findings/0").hasMessageContaining("fingerprint");
  }
}
