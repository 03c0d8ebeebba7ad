package io.agentfence.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DriftCommandTest {
  private static final String NIGHT1 = Cli.resource("night1.json").toString();
  private static final String NIGHT2 = Cli.resource("night2.json").toString();

  @Test
  void textShowsFieldChangesAndUnknownScopeNeverRemoved() {
    Cli r = Cli.run("drift", NIGHT1, NIGHT2);

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("0 added, 0 removed, 2 changed")
        .contains("~ runtime rt-111111111111 (111111111111/us-east-1)", "network.mode: VPC -> PUBLIC")
        .contains("routes[0.0.0.0/0]: NETWORK_INTERFACE eni-inspect1 -> NAT_GATEWAY nat-0abc")
        .contains("? AGENT_RUNTIMES 222222222222/us-east-1: READ -> ROLE_NOT_ASSUMABLE")
        .doesNotContain("Removed:");
  }

  @Test
  void jsonIsMachineReadable() {
    Cli r = Cli.run("drift", "--format", "json", NIGHT1, NIGHT2);

    assertThat(r.code()).isZero();
    JsonNode doc = JsonMapper.builder().build().readTree(r.out());
    assertThat(doc.get("removed")).isEmpty();
    assertThat(doc.get("changed")).hasSize(2);
    assertThat(doc.get("unknown")).hasSize(11);
    assertThat(doc.get("changed").get(0).get("resource").get("type").asString()).isEqualTo("route-table");
  }

  @Test
  void aCorruptSnapshotIsExitTwoNamingTheFile(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"formatVersion\": 1, \"accounts\": [");
    Cli r = Cli.run("drift", NIGHT1, bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(bad + ":").contains("not valid JSON").doesNotContain("Exception");

    Cli missing = Cli.run("drift", NIGHT1, dir.resolve("nope.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.json: no such snapshot file");
  }
}
