package io.agentfence.cli.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.BaselineParser;
import io.agentfence.baseline.LandingZone;
import io.agentfence.cli.ExitCodes;
import io.agentfence.cli.Main;
import io.agentfence.fixtures.endpoint.EndpointOptions;
import io.agentfence.fixtures.endpoint.LocalAwsEndpoint;
import io.agentfence.fixtures.scenario.Scenarios;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InitCommandTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(out, err, args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @AfterEach
  void clearCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  /** AF-CNT-001 verdict per runtime id. */
  static Map<String, String> verdicts(String json) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode f : JsonMapper.builder().build().readTree(json).get("findings")) {
      if (f.get("ruleId").asString().equals("AF-CNT-001")) {
        out.put(f.get("resource").get("id").asString(), f.get("status").asString());
      }
    }
    return out;
  }

  @Test
  void fromTheDemoOrganizationTheGeneratedBaselineReproducesTheVerdicts(@TempDir Path dir) throws Exception {
    Path demoBaseline = dir.resolve("demo.yaml");
    Files.writeString(demoBaseline, Scenarios.baselineText(Scenarios.DEMO));
    Path generated = dir.resolve("agentfence.yaml");
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(Scenarios.snapshot(Scenarios.DEMO),
        EndpointOptions.builder().replayCoverageGaps(false).build())) {
      var c = endpoint.baseCredentials();
      System.setProperty("aws.accessKeyId", c.accessKeyId());
      System.setProperty("aws.secretAccessKey", c.secretAccessKey());
      String url = endpoint.uri().toString();
      Run init = run("init", "--org", "--role-name", "AgentfenceScan", "--endpoint-url", url, "-o", generated.toString());
      assertThat(init.code()).as(init.err()).isEqualTo(ExitCodes.CLEAN);
      String yaml = Files.readString(generated);
      Baseline b = BaselineParser.parse(generated); // strict
      assertThat(b.landingZones()).isNotEmpty();
      // Every proposed value says where it came from.
      yaml.lines().filter(l -> l.trim().startsWith("- \"") || l.contains("vpcId:"))
          .forEach(l -> assertThat(l).as(l).contains("# "));
      // The PUBLIC runtime and the NAT/IGW routes are not approved, with the reason.
      assertThat(yaml).contains("# NOT APPROVED: runtime quick_demo-e5f6a7b8c9 (222222222222/us-east-1) is in PUBLIC mode");
      assertThat(yaml).containsPattern("# +- \"nat-03a00000000000061\" +# NOT APPROVED: a NAT gateway is not an inspection target");
      assertThat(yaml).containsPattern("# +- \"igw-03a00000000000071\" +# NOT APPROVED");
      LandingZone prod = b.landingZones().stream().filter(z -> z.vpcId().equals("vpc-02a00000000000001")).findFirst().orElseThrow();
      assertThat(prod.inspectionTargets()).containsExactly("vpce-02a00000000000051");
      assertThat(prod.approvedSecurityGroups()).contains("sg-02a00000000000021");
      assertThat(b.guardrail().managedPolicies()).contains("AgentCoreVpcGuardrail");
      assertThat(b.guardrail().scps()).contains("DenyAgentCoreOutsideLandingZone");

      Run withDemo = run("scan", "--org", "--role-name", "AgentfenceScan", "--endpoint-url", url,
          "--baseline", demoBaseline.toString(), "--format", "json");
      Run withInit = run("scan", "--org", "--role-name", "AgentfenceScan", "--endpoint-url", url,
          "--baseline", generated.toString(), "--format", "json");
      Map<String, String> expected = verdicts(withDemo.out());
      Map<String, String> actual = verdicts(withInit.out());
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      expected.forEach((runtime, verdict) -> {
        if (!actual.get(runtime).equals(verdict)) {
          // Only where init said it did not approve something of this runtime.
          assertThat(yaml).as(runtime + ": " + verdict + " became " + actual.get(runtime)).containsPattern(
              "NOT APPROVED.*" + runtime.replace("-", "\\-"));
        }
      });

      // An existing file is never overwritten without --force.
      Run again = run("init", "--org", "--role-name", "AgentfenceScan", "--endpoint-url", url, "-o", generated.toString());
      assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(again.err()).contains("exists; pass --force");
      assertThat(run("init", "--org", "--role-name", "AgentfenceScan", "--endpoint-url", url, "-o", generated.toString(),
          "--force").code()).isEqualTo(ExitCodes.CLEAN);
      assertThat(endpoint.calls().nonReadCalls()).isEmpty();
    }
  }

  @Test
  void fromTerraformOutputsTheSameIds(@TempDir Path dir) throws Exception {
    Path outputs = dir.resolve("outputs.json");
    Files.copy(Path.of(getClass().getResource("/init/terraform-outputs.json").toURI()), outputs);
    Path generated = dir.resolve("agentfence.yaml");
    Run r = run("init", "--from-terraform-output", outputs.toString(), "-o", generated.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
    Baseline b = BaselineParser.parse(generated);
    LandingZone z = b.landingZones().get(0);
    assertThat(z.accounts()).containsExactly("111122223333");
    assertThat(z.regions()).containsExactly("eu-west-1");
    assertThat(z.vpcId()).isEqualTo("vpc-0a1b2c3d4e5f60718");
    assertThat(z.approvedSubnets()).containsExactly("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002");
    assertThat(z.approvedSecurityGroups()).containsExactly("sg-0a1b2c3d4e5f60003");
    assertThat(z.inspectionTargets()).containsExactly("vpce-0a1b2c3d4e5f60004");
    String yaml = Files.readString(generated);
    assertThat(yaml).contains("\"subnet-0a1b2c3d4e5f60001\"   # terraform output agent_subnet_ids[0]")
        .containsPattern("# +- \"nat-0a1b2c3d4e5f60009\" +# NOT APPROVED: a NAT gateway");
    assertThat(run("init", "--from-terraform-output", outputs.toString(), "-o", generated.toString()).code())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void fromTerraformStateTheSameIds(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state.json");
    Files.copy(Path.of(getClass().getResource("/init/terraform-state.json").toURI()), state);
    Path generated = dir.resolve("agentfence.yaml");
    Run r = run("init", "--from-terraform-output", state.toString(), "-o", generated.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
    Baseline b = BaselineParser.parse(generated);
    LandingZone z = b.landingZones().get(0);
    assertThat(z.accounts()).containsExactly("111122223333");
    assertThat(z.vpcId()).isEqualTo("vpc-0a1b2c3d4e5f60718");
    assertThat(z.approvedSubnets()).containsExactly("subnet-0a1b2c3d4e5f60001");
    assertThat(z.inspectionTargets()).containsExactly("vpce-0a1b2c3d4e5f60004");
    assertThat(b.guardrail().managedPolicies()).containsExactly("AgentCoreContainment");
    assertThat(Files.readString(generated)).contains("# terraform resource module.lz.aws_subnet.agents[0]");
  }

  @Test
  void badTerraformInputIsAClearUsageError(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("junk.json");
    Files.writeString(junk, "{\"a\": 1}");
    Run r = run("init", "--from-terraform-output", junk.toString(), "-o", dir.resolve("x.yaml").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("junk.json").contains("terraform output -json").doesNotContain("\tat ");
    assertThat(dir.resolve("x.yaml")).doesNotExist();
    assertThat(List.of()).isEmpty();
  }
}
