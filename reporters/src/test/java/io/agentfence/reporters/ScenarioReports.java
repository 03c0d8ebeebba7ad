package io.agentfence.reporters;

import static io.agentfence.fixtures.scenario.SnapshotBuilder.local;
import static io.agentfence.fixtures.scenario.SnapshotBuilder.v4;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.BaselineParser;
import io.agentfence.baseline.GuardrailConfig;
import io.agentfence.baseline.LandingZone;
import io.agentfence.baseline.Suppression;
import io.agentfence.checks.Catalogue;
import io.agentfence.finding.ScanReport;
import io.agentfence.fixtures.scenario.SnapshotBuilder;
import io.agentfence.fixtures.scenario.SnapshotBuilder.RegionBuilder;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.RouteTargetType;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.testing.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Scan reports produced by the real rule catalogue: every fixture scenario of the repository
 * ({@code fixtures/src/main/resources/scenarios/<name>/snapshot.json + baseline.yaml}), and an
 * organization of our own built here so the tests are meaningful before scenarios exist.
 */
public final class ScenarioReports {
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static final String ACCT = "222222222222";
  static final String OTHER = "333333333333";
  static final String VPC = "vpc-0a0000000000000a1";
  static final String SUBNET = "subnet-0a0000000000000a1";
  static final String FOREIGN_SUBNET = "subnet-0f0000000000000f1";
  static final String SG = "sg-0a0000000000000a1";
  static final String GWLBE = "vpce-0a000000000000e01";

  private ScenarioReports() {}

  public static ScanReport report(Snapshot snapshot, Baseline baseline) {
    return Catalogue.runner().report(snapshot, baseline, TODAY, "0.1.0-SNAPSHOT");
  }

  /** Fixture scenarios present in the repository, by name (may be empty while they are written). */
  public static Map<String, ScanReport> repoScenarios() throws IOException {
    Map<String, ScanReport> out = new TreeMap<>();
    Path dir = RepoFiles.root().resolve("fixtures/src/main/resources/scenarios");
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path scenario : s.sorted().toList()) {
        Path snapshot = scenario.resolve("snapshot.json");
        Path baseline = scenario.resolve("baseline.yaml");
        if (Files.isRegularFile(snapshot) && Files.isRegularFile(baseline)) {
          out.put(scenario.getFileName().toString(), report(SnapshotJson.read(snapshot), BaselineParser.parse(baseline)));
        }
      }
    }
    return out;
  }

  /**
   * Our own organization: a contained runtime, a PUBLIC one, one on a foreign subnet, a NAT egress
   * bypass in a second account whose other region was denied, and an accepted (suppressed) risk.
   * {@code reversed} lists accounts, regions and resources in the opposite order, and changes
   * fields no rule looks at (names, statuses), for fingerprint stability.
   */
  public static Snapshot organization(boolean reversed) {
    SnapshotBuilder b = new SnapshotBuilder(reversed ? "synthetic-reversed" : "synthetic");
    List<Runnable> steps = new ArrayList<>();
    if (reversed) {
      // Fields no rule looks at: account names and OU paths, an unrelated endpoint.
      b.account(OTHER, "renamed-other", List.of("r-root"));
      b.account(ACCT, "renamed-prod", List.of("r-root", "ou-renamed"));
    }
    steps.add(() -> {
      RegionBuilder r = zone(b.account(ACCT).region("us-east-1"),
          List.of(local("10.20.0.0/16"), v4("0.0.0.0/0", GWLBE)));
      List<Runnable> runtimes = new ArrayList<>(List.of(
          () -> r.runtime("contained-AAAAAAAAAA", NetworkConfig.vpc(List.of(SUBNET), List.of(SG))),
          () -> r.runtime("public-BBBBBBBBBB", NetworkConfig.publicMode()),
          () -> r.runtime("foreign-CCCCCCCCCC", NetworkConfig.vpc(List.of(FOREIGN_SUBNET), List.of(SG)))));
      if (reversed) {
        java.util.Collections.reverse(runtimes);
      }
      runtimes.forEach(Runnable::run);
      if (reversed) {
        r.interfaceEndpoint("vpce-0a000000000000ss1", VPC, "ssm", true, List.of(SUBNET));
      }
    });
    steps.add(() -> {
      RegionBuilder r = zone(b.account(OTHER).region("us-east-1"),
          List.of(local("10.20.0.0/16"), v4("0.0.0.0/0", RouteTargetType.NAT_GATEWAY, "nat-0a0000000000000a1")));
      r.runtime("egress-DDDDDDDDDD", NetworkConfig.vpc(List.of(SUBNET), List.of(SG)));
      b.account(OTHER).region("eu-west-1").denied("User is not authorized to perform this operation");
    });
    if (reversed) {
      java.util.Collections.reverse(steps);
    }
    steps.forEach(Runnable::run);
    return b.build();
  }

  private static RegionBuilder zone(RegionBuilder r, List<io.agentfence.inventory.Route> routes) {
    return r.vpc(VPC, "10.20.0.0/16", "dopt-0a0000000000000a1", true)
        .subnet(SUBNET, VPC, "10.20.1.0/24", "us-east-1a")
        .subnet(FOREIGN_SUBNET, VPC, "10.20.9.0/24", "us-east-1b")
        .routeTable("rtb-0a0000000000000a1", VPC, true, List.of(SUBNET, FOREIGN_SUBNET), routes)
        .dhcpOptions("dopt-0a0000000000000a1", List.of("AmazonProvidedDNS"))
        .interfaceEndpoint("vpce-0a000000000000ac1", VPC, "bedrock-agentcore", true, List.of(SUBNET))
        .interfaceEndpoint("vpce-0a000000000000ac2", VPC, "bedrock-agentcore-control", true, List.of(SUBNET))
        .securityGroup(SG, VPC, "agents", "10.20.0.0/16");
  }

  public static Baseline organizationBaseline() {
    LandingZone zone = new LandingZone("prod", List.of(ACCT, OTHER), List.of("us-east-1", "eu-west-1"), VPC,
        List.of(SUBNET), List.of(SG), List.of(GWLBE));
    Suppression accepted = new Suppression("AF-NET-001", Optional.of("arn:aws:bedrock-agentcore:*:" + ACCT + ":runtime/public-*"),
        Optional.empty(), Optional.empty(), Map.of(), "Demo agent, internet access approved by security (RISK-42)",
        "platform-team", TODAY.plusMonths(3));
    Suppression stale = new Suppression("AF-NET-001", Optional.of("arn:aws:bedrock-agentcore:**:runtime/retired-*"),
        Optional.empty(), Optional.empty(), Map.of(), "Retired agent", "platform-team", TODAY.plusMonths(3));
    return new Baseline(1, "synthetic.yaml", List.of(zone), GuardrailConfig.none(), Map.of(), List.of(accepted, stale));
  }

  public static ScanReport organizationReport(boolean reversed) {
    return report(organization(reversed), organizationBaseline());
  }
}
