package io.agentfence.cli.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.cli.ExitCodes;
import io.agentfence.cli.Main;
import io.agentfence.fixtures.endpoint.LocalAwsEndpoint;
import io.agentfence.fixtures.scenario.Scenarios;
import io.agentfence.fixtures.terraform.PlanFixtures;
import io.agentfence.testing.RepoFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The plan-gate examples of docs/ci.md: each YAML block parses, has the steps the text describes,
 * and its {@code agentfence check} command line runs, with its paths pointed at the nat-route plan
 * fixture (GitHub: {@code --live} against the local AWS-compatible endpoint serving the contained
 * scenario; GitLab: {@code --inventory} with that scenario's snapshot). Terraform itself is not run.
 */
class CiDocsTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final String DOC_ACCOUNT = "111122223333";

  @AfterEach
  void clearCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  static List<JsonNode> planGateBlocks() throws Exception {
    String doc = Files.readString(RepoFiles.resolve("docs/ci.md"));
    String section = doc.substring(doc.indexOf("## Terraform pull requests"));
    List<JsonNode> out = new ArrayList<>();
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (m.find()) {
      out.add(YAML.readTree(m.group(1)));
    }
    assertThat(out).hasSize(2);
    return out;
  }

  @Test
  void githubWorkflowPlansChecksUploadsAndGates(@TempDir Path dir) throws Exception {
    JsonNode wf = planGateBlocks().get(0);
    assertThat(wf.path("on").has("pull_request")).isTrue();
    assertThat(wf.path("permissions").path("security-events").asString()).isEqualTo("write");
    JsonNode steps = wf.path("jobs").path("plan-gate").path("steps");
    String plan = step(steps, "name", "Terraform plan").path("run").asString();
    assertThat(plan).contains("terraform plan -input=false -lock=false -out tfplan")
        .contains("terraform show -json tfplan > tfplan.json");
    JsonNode upload = step(steps, "name", "Upload SARIF");
    assertThat(upload.path("uses").asString()).startsWith("github/codeql-action/upload-sarif@");
    List<String> command = command(step(steps, "id", "gate").path("run").asString());
    assertThat(command).containsSubsequence("--output-dir", upload.path("with").path("sarif_file").asString());

    Path repo = PlanFixtures.copy("nat-route", dir.resolve("repo"));
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(Scenarios.snapshot("contained"))) {
      System.setProperty("aws.accessKeyId", endpoint.baseCredentials().accessKeyId());
      System.setProperty("aws.secretAccessKey", endpoint.baseCredentials().secretAccessKey());
      List<String> args = localise(command, repo, dir);
      args.addAll(List.of("--repository-root", repo.toString(), "--endpoint-url", endpoint.uri().toString()));
      Run r = run(args);
      assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
      assertThat(r.err()).contains("over live").contains("the plan introduces 5 failing finding(s)");
      assertThat(Files.readString(dir.resolve("out/agentfence.sarif"))).contains("\"uri\":\"main.tf\"");
      assertThat(endpoint.calls().nonReadCalls()).isEmpty();
    }
  }

  @Test
  void gitlabJobsPlanThenCheck(@TempDir Path dir) throws Exception {
    JsonNode ci = planGateBlocks().get(1);
    JsonNode planJob = ci.path("terraform-plan");
    assertThat(planJob.path("script").toString()).contains("terraform show -json tfplan > tfplan.json");
    assertThat(planJob.path("artifacts").path("paths").get(0).asString()).isEqualTo("infra/tfplan.json");
    JsonNode gate = ci.path("agentfence-plan");
    assertThat(gate.path("needs").get(0).asString()).isEqualTo("terraform-plan");
    assertThat(gate.path("artifacts").path("when").asString()).isEqualTo("always");
    String line = gate.path("script").get(1).asString();

    Path repo = PlanFixtures.copy("nat-route", dir.resolve("repo"));
    Path snapshot = dir.resolve("snapshot.json");
    try (var in = CiDocsTest.class.getResourceAsStream("/scenarios/contained/snapshot.json")) {
      Files.copy(in, snapshot);
    }
    List<String> args = localise(command(line), repo, dir);
    args.set(args.indexOf("snapshot.json"), snapshot.toString());
    args.addAll(List.of("--repository-root", repo.toString()));
    Run r = run(args);
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(Files.readString(dir.resolve("out/agentfence.md"))).contains("**Introduced by the plan:** 5");
  }

  record Run(int code, String err) {}

  static Run run(List<String> args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(o, e, args.toArray(String[]::new));
    return new Run(code, e.toString(StandardCharsets.UTF_8));
  }

  static JsonNode step(JsonNode steps, String key, String value) {
    for (JsonNode s : steps) {
      if (s.path(key).asString("").equals(value)) {
        return s;
      }
    }
    throw new AssertionError("no step with " + key + " " + value);
  }

  /** The arguments of the agentfence command in a shell script (backslash continuations joined). */
  static List<String> command(String script) {
    String joined = script.replace("\\\n", " ");
    for (String l : joined.split("\n")) {
      String t = l.strip();
      if (t.startsWith("cli/target/bin/agentfence ")) {
        return new ArrayList<>(List.of(t.substring("cli/target/bin/agentfence ".length()).split("\\s+")));
      }
    }
    throw new AssertionError("no agentfence command in " + script);
  }

  /** The documented paths and account, pointed at the fixture and the scenario's account. */
  static List<String> localise(List<String> args, Path repo, Path dir) throws Exception {
    Path baseline = dir.resolve("agentfence.yaml");
    try (var in = CiDocsTest.class.getResourceAsStream("/scenarios/contained/baseline.yaml")) {
      Files.copy(in, baseline);
    }
    List<String> out = new ArrayList<>();
    for (String a : args) {
      out.add(switch (a) {
        case "infra/tfplan.json" -> repo.resolve("plan.json").toString();
        case "infra" -> repo.toString();
        case "agentfence.yaml" -> baseline.toString();
        case "out" -> dir.resolve("out").toString();
        case DOC_ACCOUNT -> "222222222222";
        default -> a;
      });
    }
    return out;
  }
}
