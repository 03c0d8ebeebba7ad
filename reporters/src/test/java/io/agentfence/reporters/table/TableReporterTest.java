package io.agentfence.reporters.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.finding.ScanReport;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.reporters.SampleReports;
import io.agentfence.reporters.compare.Comparison;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableReporterTest {
  static String render(boolean colour, Comparison c) throws Exception {
    return render(new TableReporter(colour), SampleReports.report(), c);
  }

  static String render(TableReporter r, ScanReport report, Comparison c) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.write(report, c, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runtimesFirstThenGapsThenFindingsByRuntimeThenByAccount() throws Exception {
    String t = render(false, Comparison.none());
    assertThat(t).startsWith("agentfence 0.1.0-SNAPSHOT: 14 results — 10 FAIL, 2 UNKNOWN, 2 PASS; 9 failing, 1 suppressed;"
        + " scan INCOMPLETE (1 coverage gaps)");
    // One line per runtime: verdict, account, region, first broken link; FAIL before UNKNOWN before PASS.
    assertThat(t).containsPattern("agent_one-AbC123 +FAIL +111122223333 +us-east-1 +")
        .containsPattern("agent two/with space +UNKNOWN +111122223333 +eu-west-1")
        .containsPattern("agent_three-XyZ789 +PASS +444455556666 +us-east-1 +contained");
    assertThat(t.indexOf("agent_one-AbC123  ")).isLessThan(t.indexOf("agent two/with space  "));
    int gaps = t.indexOf("Coverage gaps (1)");
    int byRuntime = t.indexOf("Findings by runtime");
    int byAccount = t.indexOf("Findings by account");
    assertThat(gaps).isPositive().isLessThan(byRuntime);
    assertThat(byRuntime).isLessThan(byAccount);
    assertThat(t).contains("111122223333 eu-west-1 DENIED AccessDeniedException [E1]: AGENT_RUNTIMES (ListAgentRuntimes)");
    assertThat(t).contains("[E1] AccessDeniedException: User is not authorized");
    // Within a runtime: FAIL, then suppressed; the runtime's findings are not repeated per account.
    String rt3 = t.substring(t.indexOf(" runtime agent_three-XyZ789"), byAccount);
    assertThat(rt3.indexOf("AF-EGR-001")).isLessThan(rt3.indexOf("FAIL (suppressed)"));
    assertThat(rt3).contains("suppressed until 2027-03-31 by platform-team: Migration to the landing zone planned in Q1");
    String accounts = t.substring(byAccount);
    assertThat(accounts).contains(" organization").contains("AF-GRD-001").contains(" account 444455556666")
        .contains("AF-DNS-001").doesNotContain("AF-EGR-001");
    assertThat(t).doesNotContain("agent_three is contained").doesNotContain("evidence:");
    assertThat(t).contains("PASS: 2 checks passed.");
    assertThat(t).doesNotContain("\u001b[");
  }

  @Test
  void verboseRestoresEveryEvidenceChain() throws Exception {
    String t = render(new TableReporter(false, true), SampleReports.report(), Comparison.none());
    assertThat(t).contains("evidence: runtime agent_three-XyZ789 → subnet subnet-0a1 → route-table rtb-9 (main)");
    assertThat(t).contains("evidence: runtime agent_one-AbC123 → networkMode PUBLIC"); // the verdict's own chain
    SampleReports.findings().stream().filter(f -> f.status() != io.agentfence.finding.Status.PASS)
        .filter(f -> !f.chain().isEmpty())
        .forEach(f -> assertThat(t).contains("evidence: " + f.chain()));
  }

  @Test
  void theSameAwsErrorTextIsPrintedOnceAndReferredToAfter() throws Exception {
    String denied = "User: arn:aws:sts::111122223333:assumed-role/Scan/x is not authorized to perform: ec2:%s";
    List<CoverageRecord> gaps = List.of(
        CoverageRecord.gap("111122223333", "eu-west-1", ResourceKind.VPCS, CoverageStatus.DENIED,
            "ec2:DescribeVpcs", "UnauthorizedOperation", denied.formatted("DescribeVpcs")),
        CoverageRecord.gap("111122223333", "eu-west-1", ResourceKind.SUBNETS, CoverageStatus.DENIED,
            "ec2:DescribeSubnets", "UnauthorizedOperation", denied.formatted("DescribeSubnets")));
    var finding = SampleReports.finding("AF-DNS-001", io.agentfence.finding.Status.UNKNOWN,
        io.agentfence.finding.Severity.HIGH,
        new io.agentfence.finding.ResourceRef("vpc", "vpc-1", "", "111122223333", "eu-west-1"),
        "DNS of vpc-1 unknown: " + denied.formatted("DescribeVpcs"));
    ScanReport report = new ScanReport("1", "b", null, SampleReports.rules(), List.of(finding), gaps, false);
    String t = render(new TableReporter(false), report, Comparison.none());
    assertThat(t).containsOnlyOnce("is not authorized to perform");
    assertThat(t).contains("[E1] UnauthorizedOperation: " + denied.formatted("<operation>"))
        .contains("VPCS (DescribeVpcs), SUBNETS (DescribeSubnets)")
        .contains("DNS of vpc-1 unknown: [E1]");
  }

  @Test
  void colourOnlyWhenTold() throws Exception {
    assertThat(render(true, Comparison.none())).contains("\u001b[31;1mCRITICAL").contains("\u001b[0m");
  }

  @Test
  void comparisonShowsChangeColumnAndAbsent() throws Exception {
    String t = render(false, SampleReports.withPrevious());
    assertThat(t).contains("  new  ");
    assertThat(t).contains("No longer reported since the previous run (1):").contains("runtime deleted-runtime");
  }
}
