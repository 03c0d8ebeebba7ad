package io.agentfence.cli.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.BaselineParser;
import io.agentfence.check.CheckContext;
import io.agentfence.check.CheckRunner;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.Catalogue;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guardrail fixture scenarios (fixtures/src/main/resources/guardrail-scenarios/*): the
 * catalogue's guardrail rules on each snapshot and baseline give exactly the findings listed in
 * its expected.json (rule id, resource ARN, status).
 */
class GuardrailScenariosTest {
  @ParameterizedTest
  @ValueSource(strings = {"guardrail-recommended", "guardrail-public-gap", "guardrail-scp-ou", "guardrail-iam-unread"})
  void scenarioGivesItsExpectedGuardrailFindings(String name) throws Exception {
    String dir = "/guardrail-scenarios/" + name + "/";
    Snapshot snapshot;
    try (InputStream in = open(dir + "snapshot.json")) {
      snapshot = SnapshotJson.read(in, name + "/snapshot.json");
    }
    Baseline baseline;
    try (InputStream in = open(dir + "baseline.yaml")) {
      baseline = BaselineParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + "/baseline.yaml");
    }
    JsonNode expected;
    try (InputStream in = open(dir + "expected.json")) {
      expected = JsonMapper.builder().build().readTree(in);
    }
    CheckRunner guardrailRules = new CheckRunner(Catalogue.all().stream()
        .filter(c -> c.metadata().area() == RuleArea.GUARDRAIL).toList());
    List<String> actual = guardrailRules.run(CheckContext.of(snapshot, baseline, LocalDate.of(2026, 11, 22))).stream()
        .map(f -> f.ruleId() + " " + f.resource().arn() + " " + f.status())
        .sorted().toList();
    List<String> want = new ArrayList<>();
    expected.forEach(f -> want.add(f.get("ruleId").asString() + " " + f.get("resourceArn").asString()
        + " " + f.get("status").asString()));
    assertThat(actual).as(name).containsExactlyElementsOf(want.stream().sorted().toList());
  }

  private static InputStream open(String path) {
    InputStream in = GuardrailScenariosTest.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing fixture " + path);
    }
    return in;
  }
}
