package io.agentfence.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Only a plan of a format this version reads gets through; everything else is one clear message. */
class PlanReaderTest {
  private static final String PLAN = """
      {"format_version": "1.2", "terraform_version": "1.9.8", "planned_values": {"root_module": {}},
       "resource_changes": [{"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main",
         "provider_name": "registry.terraform.io/hashicorp/aws",
         "change": {"actions": ["create"], "before": null, "after": {"cidr_block": "10.0.0.0/16"},
                    "after_unknown": {"id": true}}}],
       "configuration": {"root_module": {}}}""";

  @Test
  void readsAPlan() {
    TerraformPlan p = PlanReader.parse(PLAN, "plan.json");
    assertThat(p.formatVersion()).isEqualTo("1.2");
    assertThat(p.resourceChanges()).singleElement().satisfies(c -> {
      assertThat(c.address()).isEqualTo("aws_vpc.main");
      assertThat(c.action()).isEqualTo("create");
      assertThat(c.existsBefore()).isFalse();
      assertThat(c.afterUnknown().path("id").asBoolean()).isTrue();
    });
  }

  @Test
  void refusesMalformedJsonWithWhereAndHow() {
    assertThatThrownBy(() -> PlanReader.parse("{\"format_version\": \"1.2\",", "plan.json"))
        .isInstanceOf(PlanFormatException.class)
        .hasMessageStartingWith("plan.json: not valid JSON at line 1")
        .hasMessageContaining("terraform show -json tfplan");
  }

  @Test
  void refusesJsonThatIsNotAPlan() {
    assertThatThrownBy(() -> PlanReader.parse("[1, 2]", "x.json"))
        .hasMessageStartingWith("x.json: not a Terraform plan (the JSON is not an object)");
    assertThatThrownBy(() -> PlanReader.parse("{\"formatVersion\": 1, \"accounts\": []}", "snapshot.json"))
        .hasMessageStartingWith("snapshot.json: not a Terraform plan: it has no format_version");
  }

  @Test
  void refusesAnUnsupportedFormatVersion() {
    assertThatThrownBy(() -> PlanReader.parse(PLAN.replace("\"1.2\"", "\"2.0\""), "plan.json"))
        .hasMessageStartingWith("plan.json: Terraform plan format_version 2.0 is not supported")
        .hasMessageContaining("format 1.x");
    assertThatThrownBy(() -> PlanReader.parse(PLAN.replace("\"1.2\"", "\"0.2\""), "plan.json"))
        .hasMessageContaining("format_version 0.2 is not supported");
  }

  @Test
  void refusesAStateFileAndTheJsonOfAState() {
    String raw = "{\"version\": 4, \"terraform_version\": \"1.9.8\", \"serial\": 3, \"lineage\": \"x\", \"resources\": []}";
    assertThatThrownBy(() -> PlanReader.parse(raw, "terraform.tfstate"))
        .hasMessageStartingWith("terraform.tfstate: this is a Terraform state file, not a plan");
    String shown = "{\"format_version\": \"1.0\", \"terraform_version\": \"1.9.8\", \"values\": {\"root_module\": {}}}";
    assertThatThrownBy(() -> PlanReader.parse(shown, "state.json"))
        .hasMessageStartingWith("state.json: this is a Terraform state (terraform show -json), not a plan");
  }

  @Test
  void refusesAChangeWithoutActionsOrWithAnUnknownOne() {
    assertThatThrownBy(() -> PlanReader.parse(PLAN.replace("\"actions\": [\"create\"],", ""), "plan.json"))
        .hasMessageContaining("resource_changes[0] (aws_vpc.main) has no change.actions");
    assertThatThrownBy(() -> PlanReader.parse(PLAN.replace("[\"create\"]", "[\"explode\"]"), "plan.json"))
        .hasMessageContaining("unknown action '\"explode\"'");
  }
}
