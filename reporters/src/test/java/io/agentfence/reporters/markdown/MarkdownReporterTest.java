package io.agentfence.reporters.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.reporters.ReportView;
import io.agentfence.reporters.SampleReports;
import io.agentfence.reporters.compare.Comparison;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {
  @Test
  void summaryForStepSummaryAndPullRequests() {
    String md = new MarkdownReporter().render(ReportView.of(SampleReports.report(), Comparison.none()));
    assertThat(md).startsWith("## agentfence: 9 failing findings — scan INCOMPLETE\n");
    assertThat(md).contains("| critical | 1 | 1 | 0 |").contains("| high | 4 | 1 | 1 |");
    assertThat(md).contains("| network mode | 1 | 1 | 1 |").contains("| egress | 1 | 0 | 0 |")
        .contains("| other | 1 | 0 | 0 |");
    assertThat(md).contains("**1** contained, **1** not contained, **1** unknown (not fully read).");
    assertThat(md).contains("| `agent_one-AbC123` | 111122223333 / us-east-1 | not contained | runtime agent_one-AbC123 → networkMode PUBLIC |");
    assertThat(md).contains("| 111122223333 | eu-west-1 | AGENT_RUNTIMES | DENIED | bedrock-agentcore:ListAgentRuntimes AccessDeniedException User is not authorized |");
    assertThat(md).contains("1. **critical** `AF-NET-001` runtime `agent_one-AbC123` (111122223333 / us-east-1)");
    assertThat(md).doesNotContain("AF-NET-003` runtime"); // suppressed: not a broken link that counts
  }

  @Test
  void cleanScan() {
    String md = new MarkdownReporter().render(ReportView.of(SampleReports.clean(), Comparison.none()));
    assertThat(md).startsWith("## agentfence: no failing findings\n");
    assertThat(md).contains("None: every account, region and resource kind in scope was read.");
    assertThat(md).contains("### Top broken links\n\nNone.");
  }

  @Test
  void longMessagesAreClippedAndTheSummaryEndsWithANewline() {
    String longMessage = "x".repeat(1000);
    var report = SampleReports.report(java.util.List.of(SampleReports.finding("AF-NET-001", io.agentfence.finding.Status.FAIL,
        io.agentfence.finding.Severity.CRITICAL, SampleReports.runtime(SampleReports.A1, "us-east-1", "rt"), longMessage)));
    String md = new MarkdownReporter().render(ReportView.of(report, Comparison.none()));
    assertThat(md).contains("x".repeat(MarkdownReporter.MAX_TEXT - 1) + "…").doesNotContain("x".repeat(MarkdownReporter.MAX_TEXT));
    assertThat(md).endsWith("\n");
  }

  @Test
  void cellsCannotBreakTheTable() {
    assertThat(MarkdownReporter.cell("a|b\n<script>")).isEqualTo("a\\|b &lt;script&gt;");
  }

  @Test
  void comparisonLine() {
    String md = new MarkdownReporter().render(ReportView.of(SampleReports.report(), SampleReports.withPrevious()));
    assertThat(md).contains("**Since the previous run:** 12 new, 0 unchanged, 0 updated, 1 absent");
  }
}
