package io.agentfence.cli.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.cli.ExitCodes;
import io.agentfence.cli.Main;
import io.agentfence.fixtures.terraform.PlanFixtures;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code agentfence check --terraform-plan} end to end on the plan fixtures: the exact failing
 * findings, the {@code .tf} line each planned finding points at, what the plan introduces and
 * fixes, and the exit code.
 */
class PlanGateTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Run(int code, String out, String err, JsonNode json, String markdown) {
    /** "ruleId status resourceId file:line" of every failing finding, sorted. */
    TreeSet<String> failing() {
      TreeSet<String> out = new TreeSet<>();
      for (JsonNode f : json.path("findings")) {
        if (f.path("status").asString().equals("FAIL")) {
          out.add(describe(f));
        }
      }
      return out;
    }

    Optional<JsonNode> finding(String ruleId, String resourceId) {
      for (JsonNode f : json.path("findings")) {
        if (f.path("ruleId").asString().equals(ruleId) && f.path("resource").path("id").asString().equals(resourceId)) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }
  }

  static String describe(JsonNode f) {
    JsonNode p = f.path("properties");
    String at = p.has("terraform.file") ? " " + p.path("terraform.file").asString() + ":" + p.path("terraform.line").asString() : "";
    return f.path("ruleId").asString() + " " + f.path("resource").path("id").asString() + at;
  }

  /** Copies the fixture (and its base scenario) into {@code dir} and checks it from there. */
  static Run check(String fixture, Path dir, String... more) throws Exception {
    Path repo = PlanFixtures.copy(fixture, dir.resolve("repo"));
    String base = PlanFixtures.BASE.getOrDefault(fixture, "contained");
    Path baseline = resource("/scenarios/" + base + "/baseline.yaml", dir.resolve("baseline.yaml"));
    Path out = dir.resolve("out");
    List<String> args = new ArrayList<>(List.of("check", "--terraform-plan", repo.resolve("plan.json").toString(),
        "--terraform-root", repo.toString(), "--repository-root", repo.toString(), "--baseline", baseline.toString(),
        "--format", "json,markdown,sarif", "--output-dir", out.toString()));
    if (PlanFixtures.BASE.containsKey(fixture)) {
      args.addAll(List.of("--inventory",
          resource("/scenarios/" + base + "/snapshot.json", dir.resolve("snapshot.json")).toString()));
    }
    args.addAll(List.of(more));
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(o, e, args.toArray(String[]::new));
    String err = e.toString(StandardCharsets.UTF_8);
    assertThat(out.resolve("agentfence.json")).as(err).exists();
    return new Run(code, o.toString(StandardCharsets.UTF_8), err, JSON.readTree(out.resolve("agentfence.json").toFile()),
        Files.readString(out.resolve("agentfence.md")));
  }

  static Path resource(String name, Path target) throws Exception {
    try (InputStream in = PlanGateTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void aPlanAddingAPublicRuntimeFailsOnTheRuntimeBlockOfItsModule(@TempDir Path dir) throws Exception {
    Run r = check("public-runtime", dir);
    String runtime = "{module.agent.awscc_bedrockagentcore_runtime.this[0]}";
    assertThat(r.failing()).containsExactly(
        "AF-CNT-001 " + runtime + " modules/agent/main.tf:13",
        "AF-COV-001 222222222222/global",
        "AF-COV-001 222222222222/us-east-1",
        "AF-NET-001 " + runtime + " modules/agent/main.tf:13");
    assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
    // Its mode comes from a value known only after apply: UNKNOWN, never PASS or FAIL.
    JsonNode ci = r.finding("AF-NET-002", "{module.agent.aws_bedrockagentcore_code_interpreter.analysis}").orElseThrow();
    assertThat(ci.path("status").asString()).isEqualTo("UNKNOWN");
    assertThat(ci.path("message").asString()).contains("known only after apply: "
        + "module.agent.aws_bedrockagentcore_code_interpreter.analysis.network_configuration.network_mode");
    assertThat(describe(ci)).endsWith("modules/agent/main.tf:33");
    // What the plan alone cannot show is UNKNOWN, naming what is missing.
    assertThat(r.finding("AF-GRD-001", "222222222222").orElseThrow().path("status").asString()).isEqualTo("UNKNOWN");
    assertThat(r.err()).contains("ignored aws_cloudwatch_log_group.agents (create): no agentfence rule reads this")
        .contains("ignored module.agent.terraform_data.mode");
    assertThat(r.markdown()).contains("**Introduced by the plan:** 2").contains("**Fixed by the plan:** 0")
        .contains("| `aws_cloudwatch_log_group.agents` | create |");
  }

  @Test
  void aPlanRoutingTheRuntimeSubnetToANatFailsOnTheRouteBlock(@TempDir Path dir) throws Exception {
    Run r = check("nat-route", dir);
    assertThat(r.failing()).containsExactly(
        "AF-CNT-001 support_agent-a1b2c3d4e5 main.tf:28",
        "AF-CNT-001 triage_agent-b2c3d4e5f6 main.tf:28",
        "AF-EGR-001 research_browser-c3d4e5f6a7 main.tf:28",
        "AF-EGR-001 support_agent-a1b2c3d4e5 main.tf:28",
        "AF-EGR-001 triage_agent-b2c3d4e5f6 main.tf:28");
    JsonNode f = r.finding("AF-EGR-001", "support_agent-a1b2c3d4e5").orElseThrow();
    assertThat(f.path("message").asString()).contains("rtb-02a00000000000031 to NAT gateway nat-{aws_nat_gateway.egress}");
    assertThat(f.path("properties").path("terraform.address").asString()).isEqualTo("aws_route.default[\"runtime-a\"]");
    assertThat(r.markdown()).contains("**Introduced by the plan:** 5").contains("main.tf:28 (aws_route.default[\"runtime-a\"])");
    assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void aPlanWeakeningTheGuardrailWithForAllValuesFailsOnThePolicyBlock(@TempDir Path dir) throws Exception {
    Run r = check("guardrail-forallvalues", dir);
    assertThat(r.failing()).containsExactly(
        "AF-CNT-001 support_agent-a1b2c3d4e5",
        "AF-CNT-001 triage_agent-b2c3d4e5f6",
        "AF-GRD-003 AgentCoreVpcGuardrail modules/guardrail/main.tf:67",
        "AF-GRD-007 AgentDeployer");
    assertThat(r.finding("AF-GRD-003", "AgentCoreVpcGuardrail").orElseThrow().path("message").asString())
        .contains("one approved and one foreign subnet is NOT denied");
    assertThat(r.markdown()).contains("**Introduced by the plan:** 4");
  }

  @Test
  void aPlanFixingALiveFindingSaysSoAndPasses(@TempDir Path dir) throws Exception {
    Run r = check("fix-public-runtime", dir);
    assertThat(r.failing()).isEmpty();
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
    assertThat(r.markdown()).contains("**Introduced by the plan:** 0").contains("**Fixed by the plan:** 3")
        .contains("| critical | `AF-NET-001` | runtime `quick_demo-e5f6a7b8c9` | main.tf:6");
    assertThat(describe(r.finding("AF-NET-001", "quick_demo-e5f6a7b8c9").orElseThrow()))
        .isEqualTo("AF-NET-001 quick_demo-e5f6a7b8c9 main.tf:6");
  }

  @Test
  void failOnNewAndPreviousWorkAsForCheck(@TempDir Path dir) throws Exception {
    Run first = check("nat-route", dir.resolve("a"));
    Path previous = dir.resolve("previous.json");
    Files.copy(dir.resolve("a/out/agentfence.json"), previous);
    Run again = check("nat-route", dir.resolve("b"), "--previous", previous.toString(), "--fail-on-new");
    assertThat(first.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.CLEAN);
    assertThat(again.markdown()).contains("**Since the previous run:** 0 new");
  }

  @Test
  void sarifPointsPlannedFindingsAtTheirTfLine(@TempDir Path dir) throws Exception {
    check("public-runtime", dir);
    JsonNode sarif = JSON.readTree(dir.resolve("out/agentfence.sarif").toFile());
    List<String> locations = new ArrayList<>();
    for (JsonNode run : sarif.path("runs")) {
      for (JsonNode res : run.path("results")) {
        if (res.path("ruleId").asString().equals("AF-NET-001") && res.path("kind").asString().equals("fail")) {
          JsonNode pl = res.path("locations").path(0).path("physicalLocation");
          locations.add(pl.path("artifactLocation").path("uri").asString() + ":" + pl.path("region").path("startLine").asInt());
        }
      }
    }
    assertThat(locations).containsExactly("modules/agent/main.tf:13");
  }
}
