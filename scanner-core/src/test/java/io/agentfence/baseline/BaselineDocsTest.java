package io.agentfence.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentfence.testing.JsonSchemas;
import io.agentfence.testing.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The shipped example parses, and the published JSON Schema agrees with the parser. */
class BaselineDocsTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static JsonSchemas schema;
  private static String example;

  @BeforeAll
  static void load() throws Exception {
    schema = JsonSchemas.load(RepoFiles.resolve("docs/baseline.schema.json"));
    example = Files.readString(RepoFiles.resolve("docs/agentfence.example.yaml"));
  }

  @Test
  void exampleParses() {
    Path file = RepoFiles.resolve("docs/agentfence.example.yaml");
    Baseline b = BaselineParser.parse(file);
    assertThat(b.landingZones()).extracting(LandingZone::name).containsExactly("agents-prod", "agents-sandbox");
    assertThat(b.guardrail().managedPolicies()).containsExactly("AgentCoreContainmentGuardrail");
    assertThat(b.suppressions()).hasSize(1);
  }

  @Test
  void exampleIsValidAgainstTheSchema() {
    assertThat(schema.errors(YAML.readTree(example))).isEmpty();
  }

  /** Each mutation breaks the example; both the parser and the schema must reject it. */
  @ParameterizedTest
  @ValueSource(strings = {
      "version: 1=>version: 2",
      "    regions: [us-east-1, eu-west-1]=>    regoins: [us-east-1, eu-west-1]",
      "\"111122223333\"=>\"11112222333\"",
      "us-west-2]=>US-WEST-2]",
      "vpcId: vpc-0a1b2c3d4e5f60718=>vpcId: vpc-nothex",
      "- subnet-0a1b2c3d4e5f60001=>- subnt-0a1b2c3d4e5f60001",
      "- sg-0a1b2c3d4e5f60003=>- sg-zz",
      "- tgw-0a1b2c3d4e5f60004=>- nat-0a1b2c3d4e5f60004",
      "AF-NET-001: critical=>AF-NET-001: severe",
      "expires: 2027-06-30=>expires: 30/06/2027",
      "    owner: platform-team@example.com\n=>",
      "guardrail:=>guardrails:",
  })
  void parserAndSchemaRejectTheSameMistakes(String mutation) {
    String[] parts = mutation.split("=>", -1);
    String broken = example.replace(parts[0].replace("\\n", "\n"), parts[1]);
    assertThat(broken).as("mutation applies").isNotEqualTo(example);

    assertThatThrownBy(() -> BaselineParser.parse(broken, "example.yaml"))
        .isInstanceOf(BaselineException.class);
    assertThat(schema.errors(YAML.readTree(broken))).isNotEmpty();
  }
}
