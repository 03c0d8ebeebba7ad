package io.agentfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo's default terminal view: at most half of the 119 lines the flat table printed before
 * the per-runtime view, while naming every failing runtime and every coverage gap; --verbose
 * prints every evidence chain.
 */
class TerminalViewTest {
  @Test
  void demoViewIsShortAndNamesEveryFailingRuntimeAndEveryGap() {
    MainTest.Run table = MainTest.run("scan", "--demo");
    MainTest.Run json = MainTest.run("scan", "--demo", "--format", "json");
    assertThat(table.out().lines().count()).isLessThanOrEqualTo(119 / 2);
    JsonNode report = json.json();
    List<String> failingRuntimes = new ArrayList<>();
    report.get("findings").forEach(f -> {
      if (f.get("ruleId").asString().equals("AF-CNT-001") && !f.get("status").asString().equals("PASS")) {
        failingRuntimes.add(f.get("resource").get("id").asString());
      }
    });
    assertThat(failingRuntimes).hasSize(6);
    String runtimeTable = table.out().substring(0, table.out().indexOf("Coverage gaps"));
    failingRuntimes.forEach(id -> assertThat(runtimeTable).containsPattern(id + " +FAIL "));
    List<String> gapKinds = new ArrayList<>();
    report.get("coverage").forEach(c -> {
      if (!c.get("complete").asBoolean()) {
        gapKinds.add(c.get("accountId").asString() + " " + c.get("region").asString() + " " + c.get("status").asString()
            + "|" + c.get("kind").asString());
      }
    });
    assertThat(gapKinds).hasSize(10);
    String gaps = table.out().substring(table.out().indexOf("Coverage gaps"), table.out().indexOf("Findings by runtime"));
    for (String g : gapKinds) {
      String[] p = g.split("\\|");
      assertThat(gaps.lines().filter(l -> l.contains(p[0]) && l.contains(p[1] + " ("))).as(g).hasSize(1);
    }
    // Each distinct AWS error text is printed once: the demo's ten denials share two texts.
    assertThat(table.out()).containsOnlyOnce("not authorized to perform: bedrock-agentcore:")
        .containsOnlyOnce("not authorized to perform: ec2:");
    assertThat(table.out()).doesNotContain("evidence:").doesNotContain("\u001b[");
  }

  @Test
  void verbosePrintsEveryEvidenceChain() {
    MainTest.Run verbose = MainTest.run("scan", "--demo", "--verbose");
    MainTest.Run json = MainTest.run("scan", "--demo", "--format", "json");
    json.json().get("findings").forEach(f -> {
      if (!f.get("status").asString().equals("PASS") && !f.get("chain").asString().isEmpty()) {
        assertThat(verbose.out()).contains("evidence: " + f.get("chain").asString());
      }
    });
  }
}
