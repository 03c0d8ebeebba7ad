package io.agentfence.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.finding.Finding;
import io.agentfence.finding.ScanReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Fingerprints of real rule output survive a reordered inventory and changes no rule looks at. */
class ScenarioFingerprintTest {
  static Map<String, String> byFingerprint(ScanReport report) {
    Map<String, String> out = new TreeMap<>();
    List<String> fps = Fingerprints.assign(report.findings());
    for (int i = 0; i < fps.size(); i++) {
      Finding f = report.findings().get(i);
      out.put(fps.get(i), f.ruleId() + " " + f.status() + " " + f.resource().arn());
    }
    return out;
  }

  static List<String> organizationOrder(ScanReport r) {
    return ScenarioReports.organization(r.collection().source().endsWith("reversed")).accounts().stream()
        .map(acct -> acct.account().id()).toList();
  }

  @Test
  void reorderedInventorySameFingerprints() {
    ScanReport a = ScenarioReports.organizationReport(false);
    ScanReport b = ScenarioReports.organizationReport(true);
    assertThat(a.findings()).hasSizeGreaterThan(10);
    assertThat(b.findings().get(0).resource().arn()).isNotNull();
    assertThat(organizationOrder(b)).isNotEqualTo(organizationOrder(a)); // the inventory really was reordered
    assertThat(byFingerprint(b)).isEqualTo(byFingerprint(a));
    assertThat(byFingerprint(a)).hasSize(a.findings().size());
  }
}
