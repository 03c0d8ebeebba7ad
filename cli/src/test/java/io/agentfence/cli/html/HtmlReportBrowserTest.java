package io.agentfence.cli.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.agentfence.check.RuleArea;
import io.agentfence.check.RuleMetadata;
import io.agentfence.cli.Main;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.reporters.html.HtmlReporter;
import io.agentfence.reporters.runtime.Anchors;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTML report in a real browser (headless Chromium): it renders under its own strict CSP
 * with no console message, its filter script ran (the CSP hash matches), every runtime of the demo
 * has its verdict and its drawn map, and a runtime named like an XSS payload shows as text.
 */
class HtmlReportBrowserTest {
  private static Chromium chromium;

  @BeforeAll
  static void findChromium() {
    var found = Chromium.find();
    if (found.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("Chromium is missing, and under CI=true the HTML report must be tested in a browser:"
            + " apt-get install -y chromium (.ci/run does it), or set AGENTFENCE_CHROMIUM");
      }
      Assumptions.abort("Chromium not found (not in CI, so skipped): apt-get install -y chromium to run the browser"
          + " test of the HTML report, or set AGENTFENCE_CHROMIUM");
    }
    chromium = found.get();
  }

  @Test
  void demoReportRendersEveryRuntimeWithItsMapAndVerdict(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("demo.html");
    int code = Main.run(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
        "scan", "--demo", "--format", "html", "--output", html.toString());
    assertThat(code).isEqualTo(1);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    Main.run(json, OutputStream.nullOutputStream(), "scan", "--demo", "--format", "json");
    JsonNode report = JsonMapper.builder().build().readTree(json.toString());

    Chromium.Page page = chromium.dumpDom(html, dir);
    assertThat(page.console()).as("console messages (errors, CSP violations)").isEmpty();
    assertThat(page.dom()).contains("<body data-filters=\"ready\"");
    int runtimes = 0;
    for (JsonNode f : report.get("findings")) {
      if (!f.get("ruleId").asString().equals("AF-CNT-001")) {
        continue;
      }
      runtimes++;
      JsonNode r = f.get("resource");
      String anchor = Anchors.of(new ResourceRef("runtime", r.get("id").asString(), r.get("arn").asString(),
          r.get("accountId").asString(), r.get("region").asString()));
      String section = section(page.dom(), anchor);
      String verdict = f.get("status").asString();
      assertThat(section).as(r.get("id").asString())
          .contains("data-verdict=\"" + verdict + "\"")
          .contains("<span class=\"v v-" + verdict + "\">" + verdict + "</span> runtime")
          .contains("<svg").contains("class=\"node");
      if (verdict.equals("FAIL")) {
        assertThat(section).contains("class=\"node fail\"").contains("Remediation: ");
      }
    }
    assertThat(runtimes).isEqualTo(7);
    assertThat(page.dom()).contains("Coverage gaps").contains("DescribeVpcs").contains("Suppressions");

    Path png = dir.resolve("report.png");
    chromium.screenshot(html, png, 1400, 2000, dir);
    assertThat(Files.size(png)).isGreaterThan(50_000);
    Path keep = Path.of("target", "html-report.png");
    Files.createDirectories(keep.getParent());
    Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void maliciousNamesRenderAsText(@TempDir Path dir) throws Exception {
    String evil = "<img src=x onerror=alert(1)>";
    ResourceRef rt = new ResourceRef("runtime", evil, "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/x",
        "111122223333", "us-east-1");
    RuleMetadata rule = new RuleMetadata("AF-EGR-001", "Default route bypasses inspection", RuleArea.EGRESS,
        Severity.HIGH, "c", "s", "r", new RuleMetadata.Remediation("Route 0.0.0.0/0 to " + evil, "", ""), List.of());
    List<Finding> findings = new ArrayList<>();
    findings.add(new Finding("AF-EGR-001", Status.FAIL, Severity.HIGH, rt, "message with " + evil,
        List.of(EvidenceLink.of("runtime", evil), EvidenceLink.of("subnet", "\"><script>alert(2)</script>"),
            EvidenceLink.of("target", "nat-1", "</text><foreignObject>" + evil + "</foreignObject>")), Map.of()));
    findings.add(new Finding("AF-CNT-001", Status.FAIL, Severity.HIGH, rt, evil + " is not contained",
        List.of(EvidenceLink.of("runtime", evil), EvidenceLink.of("rule", "AF-EGR-001", "FAIL on runtime " + evil + ": x")),
        Map.of("failedRules", "AF-EGR-001")));
    ScanReport report = new ScanReport("1", evil, null, List.of(rule), findings, List.of(), true);
    Path html = dir.resolve("evil.html");
    try (OutputStream out = Files.newOutputStream(html)) {
      new HtmlReporter().write(report, out);
    }
    Chromium.Page page = chromium.dumpDom(html, dir);
    assertThat(page.console()).as("console messages (a blocked or executed script would show)").isEmpty();
    assertThat(page.dom()).doesNotContain("<img").doesNotContain("<script>alert").doesNotContain("<foreignObject");
    assertThat(page.dom()).contains("&lt;img src=x onerror=alert(1)&gt;");
    // The one script element is the filters' own.
    Matcher m = Pattern.compile("<script>").matcher(page.dom());
    int scripts = 0;
    while (m.find()) {
      scripts++;
    }
    assertThat(scripts).isEqualTo(1);
  }

  private static String section(String dom, String anchor) {
    int at = dom.indexOf("<section class=\"runtime\" id=\"" + anchor + "\"");
    assertThat(at).as("section of " + anchor).isNotNegative();
    return dom.substring(at, dom.indexOf("</section>", at));
  }
}
