package io.agentfence.cli.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.cli.ExitCodes;
import io.agentfence.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad --terraform-plan input: exit code 2 and one line saying what is wrong, never a stack trace. */
class PlanInputErrorsTest {
  record Run(int code, String out, String err) {}

  static Run check(Path dir, String planText, String... more) throws Exception {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, planText);
    Path baseline = dir.resolve("baseline.yaml");
    try (InputStream in = PlanInputErrorsTest.class.getResourceAsStream("/scenarios/contained/baseline.yaml")) {
      Files.copy(in, baseline);
    }
    String[] base = {"check", "--terraform-plan", plan.toString(), "--baseline", baseline.toString()};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(o, e, args);
    return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  static void assertOneMessage(Run r, String start) {
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err().strip().lines()).singleElement().satisfies(l -> assertThat(l).contains(start));
  }

  @Test
  void malformedJson(@TempDir Path dir) throws Exception {
    assertOneMessage(check(dir, "{\"format_version\": "), "plan.json: not valid JSON at line 1");
  }

  @Test
  void jsonThatIsNotAPlan(@TempDir Path dir) throws Exception {
    assertOneMessage(check(dir, "{\"formatVersion\": 1, \"accounts\": []}"), "not a Terraform plan: it has no format_version");
  }

  @Test
  void unsupportedFormatVersion(@TempDir Path dir) throws Exception {
    assertOneMessage(check(dir, "{\"format_version\": \"2.0\", \"planned_values\": {}}"),
        "Terraform plan format_version 2.0 is not supported");
  }

  @Test
  void stateFilePassedAsAPlan(@TempDir Path dir) throws Exception {
    assertOneMessage(check(dir, "{\"version\": 4, \"terraform_version\": \"1.9.8\", \"serial\": 1, \"lineage\": \"l\","
        + " \"outputs\": {}, \"resources\": []}"), "this is a Terraform state file, not a plan");
  }

  @Test
  void inventoryAndLiveTogether(@TempDir Path dir) throws Exception {
    assertOneMessage(check(dir, "{}", "--inventory", dir.resolve("x.json").toString(), "--live"),
        "give either --inventory FILE or --live");
  }

  @Test
  void checkWithoutInventoryOrPlan(@TempDir Path dir) throws Exception {
    Path baseline = dir.resolve("b.yaml");
    Files.writeString(baseline, "version: 1\n");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(o, e, new String[] {"check", "--baseline", baseline.toString()});
    assertOneMessage(new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)),
        "--inventory FILE is required (or --terraform-plan FILE");
  }
}
