package io.agentfence.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
  static final ResourceRef RT = SampleReports.runtime(SampleReports.A1, "us-east-1", "rt-1");

  @Test
  void sameFindingSameFingerprintDespiteUnrelatedChanges() {
    Finding before = SampleReports.finding("AF-EGR-001", Status.FAIL, Severity.HIGH, RT, "route to nat-1",
        EvidenceLink.of("subnet", "subnet-1"), EvidenceLink.of("target", "nat-1"));
    Finding after = new Finding("AF-EGR-001", Status.UNKNOWN, Severity.CRITICAL, RT, "a reworded message",
        List.of(EvidenceLink.of("subnet", "subnet-2")), Map.of("scenario", "x"));
    assertThat(Fingerprints.of(after)).isEqualTo(Fingerprints.of(before)).matches("[0-9a-f]{64}");
  }

  @Test
  void identityIsRuleAndResource() {
    Finding f = SampleReports.finding("AF-EGR-001", Status.FAIL, Severity.HIGH, RT, "m");
    Finding otherRule = SampleReports.finding("AF-EGR-002", Status.FAIL, Severity.HIGH, RT, "m");
    Finding otherResource = SampleReports.finding("AF-EGR-001", Status.FAIL, Severity.HIGH,
        SampleReports.runtime(SampleReports.A2, "us-east-1", "rt-1"), "m");
    assertThat(new HashSet<>(List.of(Fingerprints.of(f), Fingerprints.of(otherRule), Fingerprints.of(otherResource))))
        .hasSize(3);
  }

  @Test
  void reorderingTheReportDoesNotChangeAnyFingerprint() {
    List<Finding> findings = SampleReports.findings();
    Map<Finding, String> first = new HashMap<>();
    List<String> fps = Fingerprints.assign(findings);
    for (int i = 0; i < findings.size(); i++) {
      first.put(findings.get(i), fps.get(i));
    }
    List<Finding> shuffled = new ArrayList<>(findings);
    Collections.reverse(shuffled);
    List<String> again = Fingerprints.assign(shuffled);
    for (int i = 0; i < shuffled.size(); i++) {
      assertThat(again.get(i)).isEqualTo(first.get(shuffled.get(i)));
    }
    assertThat(new HashSet<>(fps)).hasSize(findings.size());
  }

  @Test
  void severalFindingsOnOneResourceAreKeptApart() {
    Finding a = new Finding("AF-NET-003", Status.FAIL, Severity.HIGH, RT, "subnet-a", List.of(),
        Map.of(Fingerprints.KEY_PROPERTY, "subnet-a"));
    Finding b = new Finding("AF-NET-003", Status.FAIL, Severity.HIGH, RT, "subnet-b", List.of(),
        Map.of(Fingerprints.KEY_PROPERTY, "subnet-b"));
    assertThat(Fingerprints.of(a)).isNotEqualTo(Fingerprints.of(b));
    // Without the key, a report never gives two results the same fingerprint.
    Finding c = SampleReports.finding("AF-NET-003", Status.FAIL, Severity.HIGH, RT, "one");
    Finding d = SampleReports.finding("AF-NET-003", Status.FAIL, Severity.HIGH, RT, "two");
    List<String> fps = Fingerprints.assign(List.of(c, d));
    assertThat(fps.get(0)).isEqualTo(Fingerprints.of(c)).isNotEqualTo(fps.get(1));
  }

  @Test
  void githubHashIsTheCodeqlShape() {
    String fp = Fingerprints.of(SampleReports.finding("AF-NET-001", Status.FAIL, Severity.HIGH, RT, "m"));
    assertThat(Fingerprints.primaryLocationLineHash(fp)).isEqualTo(fp.substring(0, 16) + ":1");
  }
}
