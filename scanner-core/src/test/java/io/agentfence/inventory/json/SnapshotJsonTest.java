package io.agentfence.inventory.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentfence.inventory.*;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

  static Snapshot sample() {
    var runtime = new AgentRuntime("rt-1", "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/rt-1",
        "agent", "READY", "2",
        List.of(new RuntimeVersion("2", NetworkConfig.vpc(List.of("subnet-0a1b2c3d4e5f60718"), List.of("sg-0a1b2c3d4e5f60718")), "READY"),
            new RuntimeVersion("1", NetworkConfig.publicMode(), "READY")),
        List.of(new RuntimeEndpoint("DEFAULT", "DEFAULT", "arn:x", "READY", Optional.of("1"), Optional.empty())));
    var rt = new RouteTable("rtb-1", "vpc-1", List.of(new RouteTableAssociation("rtbassoc-1", true, Optional.empty(), Optional.empty(), "associated")),
        List.of(Route.ipv4("10.0.0.0/16", RouteTarget.gateway("local")), Route.ipv4("0.0.0.0/0", new RouteTarget(RouteTargetType.NAT_GATEWAY, "nat-1"))));
    var region = RegionInventory.builder("us-east-1").runtimes(List.of(runtime))
        .vpcs(List.of(new Vpc("vpc-1", List.of("10.0.0.0/16"), List.of(), "dopt-1", Optional.of(true), false)))
        .routeTables(List.of(rt))
        .dhcpOptions(List.of(new DhcpOptions("dopt-1", Map.of("domain-name-servers", List.of("AmazonProvidedDNS")))))
        .vpcEndpoints(List.of(new VpcEndpoint("vpce-1", "vpc-1", "com.amazonaws.us-east-1.s3", "Gateway", "available", false, List.of(), List.of("rtb-1"), List.of(),
            Optional.of(new PolicyDocument("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}")))))
        .build();
    var iam = new IamInventory(List.of(new ManagedPolicy("arn:aws:iam::111122223333:policy/g", "g", "/", "v1", false, new PolicyDocument("not json"))), List.of());
    return Snapshot.of(CollectionInfo.empty(), Optional.empty(),
        List.of(new AccountInventory(Account.of("111122223333"), iam, List.of(region))),
        List.of(CoverageRecord.read("111122223333", "us-east-1", ResourceKind.AGENT_RUNTIMES)));
  }

  @Test
  void roundTripsEveryField() {
    Snapshot s = sample();
    String json = SnapshotJson.write(s);
    Snapshot back = SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "mem");
    assertThat(back).isEqualTo(s);
    assertThat(json).contains("\"Effect\" : \"Allow\"").contains("\"document\" : \"not json\"");
    assertThat(json).doesNotContain("targetVersion");
  }

  @Test
  void rejectsMalformedJsonWithLocation() {
    assertThatThrownBy(() -> SnapshotJson.read(new ByteArrayInputStream("{\n \"formatVersion\": 1,\n oops".getBytes(StandardCharsets.UTF_8)), "bad.json"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageStartingWith("bad.json:3:");
  }

  @Test
  void rejectsUnknownFieldNamingThePath() {
    String json = SnapshotJson.write(sample()).replace("\"latestVersion\"", "\"latestVersoin\"");
    assertThatThrownBy(() -> SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "f.json"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("f.json").hasMessageContaining("latestVersoin");
  }

  @Test
  void rejectsOtherFormatVersion() {
    assertThatThrownBy(() -> SnapshotJson.read(new ByteArrayInputStream("{\"formatVersion\": 2}".getBytes(StandardCharsets.UTF_8)), "f.json"))
        .hasMessageContaining("format 2 is not supported");
  }

  @Test
  void rejectsStringsWhereNumbersOrBooleansBelong() {
    String json = SnapshotJson.write(sample()).replace("\"formatVersion\" : 1", "\"formatVersion\" : 1")
        .replace("\"defaultVpc\" : false", "\"defaultVpc\" : \"false\"");
    assertThat(json).contains("\"defaultVpc\" : \"false\"");
    assertThatThrownBy(() -> SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "f.json"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("defaultVpc");
  }

  @Test
  void rejectsNumbersWhereStringsBelong() {
    String json = SnapshotJson.write(sample()).replace("\"latestVersion\" : \"2\"", "\"latestVersion\" : 2");
    assertThat(json).contains("\"latestVersion\" : 2");
    assertThatThrownBy(() -> SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "f.json"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("latestVersion");
  }

  @Test
  void aSnapshotIsCompleteOnlyWhenEveryScopeItHoldsWasRead() {
    Snapshot s = sample();
    // sample() records AGENT_RUNTIMES only: the other kinds of us-east-1 and the account's IAM were
    // never attempted, which is not proof of anything.
    assertThat(s.complete()).isFalse();
    List<CoverageRecord> all = new java.util.ArrayList<>();
    for (ResourceKind k : ResourceKind.values()) {
      if (k == ResourceKind.IAM) {
        all.add(CoverageRecord.read("111122223333", CoverageRecord.GLOBAL, k));
      } else if (!k.global()) {
        all.add(CoverageRecord.read("111122223333", "us-east-1", k));
      }
    }
    Snapshot read = Snapshot.of(s.collection(), s.organization(), s.accounts(), all);
    assertThat(read.complete()).isTrue();
    assertThat(Snapshot.of(s.collection(), s.organization(), s.accounts(), List.of()).complete())
        .as("no coverage at all").isFalse();
    assertThat(Snapshot.of(s.collection(), s.organization(), List.of(), List.of()).complete())
        .as("an empty snapshot proves nothing").isFalse();
    CollectionInfo cancelled = new CollectionInfo("t", "live", Optional.empty(), Optional.empty(), List.of(), List.of(), true);
    assertThat(Snapshot.of(cancelled, s.organization(), s.accounts(), all).complete()).as("cancelled").isFalse();
  }

  @Test
  void aDirectoryIsNotReportedAsMissing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    assertThatThrownBy(() -> SnapshotJson.read(dir))
        .isInstanceOf(SnapshotFormatException.class).hasMessage(dir + ": is a directory, not a snapshot file");
    assertThatThrownBy(() -> SnapshotJson.read(dir.resolve("absent.json")))
        .hasMessage(dir.resolve("absent.json") + ": no such snapshot file");
  }
}
