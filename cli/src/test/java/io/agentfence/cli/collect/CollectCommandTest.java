package io.agentfence.cli.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.cli.ExitCodes;
import io.agentfence.cli.Main;
import io.agentfence.collect.ReadOnlyPolicy;
import io.agentfence.fixtures.endpoint.EndpointCredentials;
import io.agentfence.fixtures.endpoint.EndpointOptions;
import io.agentfence.fixtures.endpoint.Fault;
import io.agentfence.fixtures.endpoint.LocalAwsEndpoint;
import io.agentfence.fixtures.scenario.Scenarios;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code agentfence collect} and {@code iam-policy} from the command line. */
class CollectCommandTest {
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

  @Test
  void collectsAnOrganizationThroughTheEndpointAndWritesTheSnapshot(@TempDir Path dir) {
    Snapshot demo = Scenarios.snapshot(Scenarios.DEMO);
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(demo, EndpointOptions.builder().replayCoverageGaps(false).build())) {
      useCredentials(endpoint.baseCredentials());
      Path out = dir.resolve("snapshot.json");
      Run r = run("collect", "--org", "--role-name", "AgentfenceScan", "--endpoint-url", endpoint.uri().toString(),
          "--output", out.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
      assertThat(r.err()).contains("collected: 4 accounts").contains("snapshot written to");
      Snapshot s = SnapshotJson.read(out);
      assertThat(s.complete()).isTrue();
      assertThat(s.collection().source()).isEqualTo("live");
      assertThat(s.organization()).isPresent();
      assertThat(s.accounts()).hasSize(4);
      assertThat(endpoint.calls().nonReadCalls()).isEmpty();
    }
  }

  @Test
  void aCoverageGapMakesCollectExitThreeAndIsInTheSnapshot(@TempDir Path dir) {
    Snapshot demo = Scenarios.snapshot(Scenarios.DEMO);
    String victim = demo.accounts().get(1).account().id();
    EndpointOptions options = EndpointOptions.builder().replayCoverageGaps(false)
        .fault(Fault.accessDenied().service("iam").account(victim).always()).build();
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(demo, options)) {
      useCredentials(endpoint.baseCredentials());
      Path out = dir.resolve("snapshot.json");
      Run r = run("collect", "--org", "--role-name", "AgentfenceScan", "--endpoint-url", endpoint.uri().toString(),
          "-o", out.toString());
      assertThat(r.code()).isEqualTo(ExitCodes.INCOMPLETE);
      assertThat(r.err()).contains("1 coverage gaps");
      assertThat(SnapshotJson.read(out).coverage()).filteredOn(c -> c.status() != CoverageStatus.READ)
          .singleElement().satisfies(c -> {
            assertThat(c.accountId()).isEqualTo(victim);
            assertThat(c.status()).isEqualTo(CoverageStatus.DENIED);
          });
    }
  }

  @Test
  void liveScanCollectsThroughTheEndpointThenChecksAndGates(@TempDir Path dir) throws Exception {
    Snapshot demo = Scenarios.snapshot(Scenarios.DEMO);
    Path baseline = dir.resolve("agentfence.yaml");
    java.nio.file.Files.writeString(baseline, Scenarios.baselineText(Scenarios.DEMO));
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(demo, EndpointOptions.builder().replayCoverageGaps(false).build())) {
      useCredentials(endpoint.baseCredentials());
      Run r = run("scan", "--org", "--role-name", "AgentfenceScan", "--endpoint-url", endpoint.uri().toString(),
          "--baseline", baseline.toString(), "--format", "json");
      // The demo organization has failing findings at or above the default --fail-on high.
      assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
      assertThat(r.err()).contains("collected: 4 accounts");
      assertThat(r.out()).contains("\"ruleId\"");
      assertThat(endpoint.calls().nonReadCalls()).isEmpty();
    }
  }

  @Test
  void aRegionThePartitionDoesNotKnowIsAUsageError() {
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(Scenarios.snapshot(Scenarios.DEMO))) {
      useCredentials(endpoint.baseCredentials());
      Run r = run("collect", "--region", "us-east-1", "--region", "us-east-9", "--endpoint-url", endpoint.uri().toString());
      assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("unknown region 'us-east-9'").doesNotContain("\tat ");
      assertThat(endpoint.calls().count("bedrock-agentcore", "ListAgentRuntimes")).isZero();
    }
  }

  @Test
  void liveScanWithoutBaselineIsAUsageError() {
    Run r = run("scan", "--region", "us-east-1");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--baseline");
  }

  @Test
  void unusableCredentialsAreAUsageErrorNotAStackTrace() {
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(Scenarios.snapshot(Scenarios.DEMO))) {
      useCredentials(new EndpointCredentials("AKIAUNKNOWNKEY000000", "secret", java.util.Optional.empty()));
      Run r = run("collect", "--region", "us-east-1", "--endpoint-url", endpoint.uri().toString());
      assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("cannot identify the AWS credentials").doesNotContain("\tat ");
      assertThat(r.out()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "collect --region nowhere",
      "collect --account 12345",
      "collect --org",
      "collect --include-ou ou-ab12-11111111",
      "collect --rate 0",
      "collect --org --role-name R --include-ou notanou"})
  void badTargetFlagsAreOneLineUsageErrors(String line) {
    Run r = run(line.split(" "));
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("agentfence collect: ");
  }

  @Test
  void iamPolicyPrintsExactlyTheAllowlistedActions() {
    Run member = run("iam-policy");
    Run org = run("iam-policy", "--org", "--role-name", "ScanRole");
    assertThat(member.code()).isZero();
    assertThat(actions(member.out())).isEqualTo(ReadOnlyPolicy.memberActions());
    Set<String> all = new TreeSet<>(ReadOnlyPolicy.memberActions());
    all.addAll(ReadOnlyPolicy.scannerActions());
    assertThat(actions(org.out())).isEqualTo(all);
    assertThat(org.out()).contains("arn:aws:iam::*:role/ScanRole");
  }

  private static Set<String> actions(String json) {
    var doc = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
    Set<String> out = new TreeSet<>();
    doc.get("Statement").forEach(s -> s.get("Action").forEach(a -> out.add(a.asString())));
    return out;
  }

  private static void useCredentials(EndpointCredentials c) {
    System.setProperty("aws.accessKeyId", c.accessKeyId());
    System.setProperty("aws.secretAccessKey", c.secretAccessKey());
  }
}
