package io.agentfence.reporters.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.reporters.SampleReports;
import io.agentfence.reporters.compare.Comparison;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableReporterTest {
  static String render(boolean colour, Comparison c) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TableReporter(colour).write(SampleReports.report(), c, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void failsFirstThenUnknownThenSuppressedPassOnlyCounted() throws Exception {
    String t = render(false, Comparison.none());
    assertThat(t).startsWith("agentfence 0.1.0-SNAPSHOT: 14 results — 10 FAIL, 2 UNKNOWN, 2 PASS; 9 failing, 1 suppressed;"
        + " scan INCOMPLETE (1 coverage gaps)");
    int critical = t.indexOf("CRITICAL  FAIL ");
    int lastFail = t.lastIndexOf("  FAIL  ");
    int firstUnknown = t.indexOf("UNKNOWN  ");
    int suppressed = t.indexOf("FAIL (suppressed)");
    assertThat(critical).isPositive().isLessThan(firstUnknown);
    assertThat(lastFail).isLessThan(firstUnknown);
    assertThat(firstUnknown).isLessThan(suppressed);
    assertThat(t).doesNotContain("agent_three is contained").doesNotContain("VPC mode\n");
    assertThat(t).contains("PASS: 2 checks passed.");
    assertThat(t).contains("evidence: runtime agent_three-XyZ789 → subnet subnet-0a1 → route-table rtb-9 (main)");
    assertThat(t).contains("suppressed until 2027-03-31 by platform-team: Migration to the landing zone planned in Q1");
    assertThat(t).contains("Coverage gaps (1)").contains("111122223333 eu-west-1 AGENT_RUNTIMES DENIED");
    assertThat(t).doesNotContain("\u001b[");
  }

  @Test
  void colourOnlyWhenTold() throws Exception {
    assertThat(render(true, Comparison.none())).contains("\u001b[31;1mCRITICAL").contains("\u001b[0m");
  }

  @Test
  void comparisonShowsChangeColumnAndAbsent() throws Exception {
    String t = render(false, SampleReports.withPrevious());
    assertThat(t).contains("CHANGE").contains("  new  ");
    assertThat(t).contains("No longer reported since the previous run (1):").contains("runtime deleted-runtime");
  }
}
