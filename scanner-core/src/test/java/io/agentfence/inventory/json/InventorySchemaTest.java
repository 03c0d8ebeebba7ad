package io.agentfence.inventory.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentfence.inventory.Snapshot;
import io.agentfence.testing.JsonSchemas;
import io.agentfence.testing.RepoFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** docs/inventory-v1.schema.json describes what SnapshotJson writes, and every fixture follows it. */
class InventorySchemaTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static JsonSchemas schema;

  @BeforeAll
  static void load() throws Exception {
    schema = JsonSchemas.load(RepoFiles.resolve("docs/inventory-v1.schema.json"));
  }

  @Test
  void snapshotWrittenBySnapshotJsonIsValid() {
    String json = SnapshotJson.write(FullSnapshot.build());
    assertThat(schema.errors(JSON.readTree(json))).isEmpty();
    // The sample really uses both forms of a policy document and omits empty optionals.
    assertThat(json).contains("\"policyDocument\" : \"not json\"").contains("\"Effect\" : \"Allow\"")
        .contains("\"parentId\" : \"r-ab12\"").doesNotContain("null");
  }

  @Test
  void minimalSnapshotIsValid() {
    assertThat(schema.errors(JSON.readTree(SnapshotJson.write(Snapshot.of(null, null, null, null))))).isEmpty();
  }

  /** Each mutation makes the document invalid for both the schema and the strict reader. */
  @ParameterizedTest
  @ValueSource(strings = {
      "\"formatVersion\" : 1=>\"formatVersion\" : 2",
      "\"latestVersion\"=>\"latestVersoin\"",
      "\"status\" : \"DENIED\"=>\"status\" : \"MAYBE\"",
      "\"kind\" : \"IAM\"=>\"kind\" : \"IAM_ROLES\"",
      "\"type\" : \"TRANSIT_GATEWAY\"=>\"type\" : \"TGW\"",
      "\"ouPath\" : [ \"r-ab12\", \"ou-ab12-prod\" ]=>\"ouPath\" : { }",
      "\"defaultVpc\" : false=>\"defaultVpc\" : \"no\"",
  })
  void schemaAndReaderRejectTheSameMistakes(String mutation) {
    String[] parts = mutation.split("=>", -1);
    String json = SnapshotJson.write(FullSnapshot.build());
    String broken = json.replaceFirst(java.util.regex.Pattern.quote(parts[0]),
        java.util.regex.Matcher.quoteReplacement(parts[1]));
    assertThat(broken).as("mutation applies").isNotEqualTo(json);

    assertThat(schema.errors(JSON.readTree(broken))).isNotEmpty();
    assertThatThrownBy(() -> SnapshotJson.read(
        new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "broken.json"))
        .isInstanceOf(SnapshotFormatException.class);
  }

  @Test
  void missingRequiredIdIsRejected() {
    JsonNode tree = SnapshotJson.toTree(FullSnapshot.build());
    ((tools.jackson.databind.node.ObjectNode) tree.get("accounts").get(0).get("account")).remove("id");
    assertThat(schema.errors(tree)).isNotEmpty();
  }

  /** Every fixture scenario the fixtures module ships is a valid v1 snapshot, readable by SnapshotJson. */
  @Test
  void everyFixtureScenarioSnapshotIsValid() throws Exception {
    Path scenarios = RepoFiles.root().resolve("fixtures/src/main/resources/scenarios");
    List<Path> present = new ArrayList<>();
    if (Files.isDirectory(scenarios)) {
      try (Stream<Path> walk = Files.walk(scenarios)) {
        walk.filter(p -> p.getFileName().toString().equals("snapshot.json")).sorted().forEach(present::add);
      }
    }
    Map<String, List<String>> problems = new LinkedHashMap<>();
    List<Path> validated = new ArrayList<>();
    for (Path file : present) {
      List<String> errors = new ArrayList<>(schema.errors(JSON.readTree(file.toFile())));
      try {
        SnapshotJson.read(file);
      } catch (SnapshotFormatException e) {
        errors.add("reader: " + e.getMessage());
      }
      if (!errors.isEmpty()) {
        problems.put(scenarios.relativize(file).toString(), errors);
      }
      validated.add(file);
    }
    // The fixtures module ships the scenarios (at least the demo organization): a wrong path here
    // must fail rather than validate nothing.
    assertThat(present).as("scenario snapshots under " + scenarios)
        .anyMatch(p -> p.getParent().getFileName().toString().equals("demo-org"));
    assertThat(problems).as("fixture snapshots that do not follow docs/inventory-v1.schema.json").isEmpty();
    // Every snapshot.json under scenarios/*/ was checked (none silently skipped).
    try (Stream<Path> dirs = Files.isDirectory(scenarios) ? Files.list(scenarios) : Stream.empty()) {
      List<Path> expected = dirs.map(d -> d.resolve("snapshot.json")).filter(Files::isRegularFile).sorted().toList();
      assertThat(validated).containsAll(expected);
    }
  }
}
