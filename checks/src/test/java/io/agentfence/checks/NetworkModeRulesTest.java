package io.agentfence.checks;

import static io.agentfence.checks.Lz.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.checks.network.EndpointOnUncontainedVersion;
import io.agentfence.checks.network.OutsideLandingZone;
import io.agentfence.checks.network.RuntimeNotInVpcMode;
import io.agentfence.checks.network.SecurityGroupNotApproved;
import io.agentfence.checks.network.SubnetNotApproved;
import io.agentfence.checks.network.ToolNotInVpcMode;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Status;
import io.agentfence.fixtures.scenario.SnapshotBuilder;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.RuntimeVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkModeRulesTest {

  // AF-NET-001

  @Test
  void runtimeInVpcModePasses() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).runtime("rt-1", CONTAINED);
    assertThat(verdicts(run(new RuntimeNotInVpcMode(), b.build()))).containsExactly("PASS runtime rt-1");
  }

  @Test
  void publicRuntimeFailsWithModeInEvidence() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).runtime("rt-1", NetworkConfig.publicMode());
    List<Finding> f = run(new RuntimeNotInVpcMode(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL runtime rt-1");
    assertThat(f.get(0).chain()).isEqualTo("runtime rt-1 (mode PUBLIC) → network-mode PUBLIC (expected VPC)");
    assertThat(f.get(0).resource().arn()).isEqualTo("arn:aws:bedrock-agentcore:us-east-1:222222222222:runtime/rt-1");
  }

  @Test
  void unknownNewerModeFailsRatherThanPasses() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).runtime("rt-1", new NetworkConfig("SOMETHING_NEW", List.of(SUBNET_A), List.of(SG)));
    List<Finding> f = run(new RuntimeNotInVpcMode(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL runtime rt-1");
    assertThat(f.get(0).message()).contains("'SOMETHING_NEW' is not VPC");
  }

  @Test
  void latestVersionNotReadIsUnknown() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    var r = region(b);
    r.runtime("rt-1", "3", List.of(new RuntimeVersion("1", CONTAINED, "READY")), List.of());
    assertThat(verdicts(run(new RuntimeNotInVpcMode(), b.build()))).containsExactly("UNKNOWN runtime rt-1");
  }

  @Test
  void deniedRuntimeListingIsUnknownForTheScopeNotSilence() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).coverage(ResourceKind.AGENT_RUNTIMES, CoverageStatus.DENIED, "ListAgentRuntimes", "AccessDeniedException", "no");
    List<Finding> f = run(new RuntimeNotInVpcMode(), b.build());
    assertThat(verdicts(f)).containsExactly("UNKNOWN runtimes 222222222222/us-east-1");
    assertThat(f.get(0).message()).contains("DENIED (AccessDeniedException on ListAgentRuntimes: no)");
  }

  @Test
  void landingZoneAccountNeverScannedIsUnknown() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    b.account("333333333333").region(REGION);
    assertThat(verdicts(run(new RuntimeNotInVpcMode(), b.build()))).containsExactly("UNKNOWN runtimes 222222222222/us-east-1");
  }

  // AF-NET-002

  @Test
  void toolsInEveryMode() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    var r = region(b);
    r.browser("br-vpc", CONTAINED);
    r.browser("br-pub", NetworkConfig.publicMode());
    r.codeInterpreter("ci-vpc", CONTAINED);
    r.codeInterpreter("ci-sandbox", new NetworkConfig("SANDBOX", List.of(), List.of()));
    r.codeInterpreter("ci-pub", NetworkConfig.publicMode());
    List<Finding> f = run(new ToolNotInVpcMode(), b.build());
    assertThat(verdicts(f)).containsExactly("PASS browser br-vpc", "FAIL browser br-pub", "PASS code-interpreter ci-vpc",
        "FAIL code-interpreter ci-sandbox", "FAIL code-interpreter ci-pub");
    assertThat(f.get(3).message()).contains("SANDBOX mode still reaches AWS services such as Amazon S3");
  }

  @Test
  void unreadToolListingsAreUnknown() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).coverage(ResourceKind.CODE_INTERPRETERS, CoverageStatus.THROTTLED_OUT, "ListCodeInterpreters", "ThrottlingException", "rate");
    assertThat(verdicts(run(new ToolNotInVpcMode(), b.build())))
        .containsExactly("UNKNOWN code-interpreters 222222222222/us-east-1");
  }

  // AF-NET-003 / AF-NET-004

  @Test
  void approvedSubnetAndSecurityGroupPass() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).runtime("rt-1", NetworkConfig.vpc(List.of(SUBNET_A, SUBNET_B), List.of(SG)));
    assertThat(verdicts(run(new SubnetNotApproved(), b.build()))).containsExactly("PASS runtime rt-1");
    assertThat(verdicts(run(new SecurityGroupNotApproved(), b.build()))).containsExactly("PASS runtime rt-1");
  }

  @Test
  void oneForeignSubnetAmongApprovedOnesFails() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    region(b).runtime("rt-1", NetworkConfig.vpc(List.of(SUBNET_A, FOREIGN_SUBNET), List.of(SG, FOREIGN_SG)));
    List<Finding> subnets = run(new SubnetNotApproved(), b.build());
    assertThat(verdicts(subnets)).containsExactly("FAIL runtime rt-1");
    assertThat(subnets.get(0).chain()).isEqualTo(
        "runtime rt-1 (mode VPC) → subnet subnet-0f0000000000000f1 (not in the approved set of the landing zone)");
    List<Finding> sgs = run(new SecurityGroupNotApproved(), b.build());
    assertThat(verdicts(sgs)).containsExactly("FAIL runtime rt-1");
    assertThat(sgs.get(0).message()).contains("sg-0f0000000000000f1 not approved");
  }

  @Test
  void publicRuntimeIsLeftToTheModeRuleAndUnreadConfigIsUnknown() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    var r = region(b);
    r.runtime("rt-pub", NetworkConfig.publicMode());
    r.runtime("rt-x", "2", List.of(), List.of());
    assertThat(verdicts(run(new SubnetNotApproved(), b.build()))).containsExactly("UNKNOWN runtime rt-x");
    assertThat(verdicts(run(new SecurityGroupNotApproved(), b.build()))).containsExactly("UNKNOWN runtime rt-x");
  }

  @Test
  void nothingIsApprovedWhereNoLandingZoneCovers() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    b.account(ACCT).region("eu-west-1").subnet(SUBNET_A, VPC, "10.0.0.0/24", "a").runtime("rt-eu", CONTAINED);
    List<Finding> f = run(new SubnetNotApproved(), b.build());
    assertThat(verdicts(f)).containsExactly("FAIL runtime rt-eu");
    assertThat(f.get(0).message()).contains("no landing zone covers it");
  }

  // AF-NET-005

  @Test
  void landingZoneMembership() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    var r = region(b).vpc("vpc-0b0000000000000b1", "10.99.0.0/16", "default", true)
        .subnet(FOREIGN_SUBNET, "vpc-0b0000000000000b1", "10.99.1.0/24", "us-east-1a");
    r.runtime("rt-in", CONTAINED);
    r.runtime("rt-othervpc", NetworkConfig.vpc(List.of(FOREIGN_SUBNET), List.of(SG)));
    r.runtime("rt-unknownsubnet", NetworkConfig.vpc(List.of("subnet-0c0000000000000c1"), List.of(SG)));
    r.runtime("rt-pub", NetworkConfig.publicMode());
    b.account(ACCT).region("eu-west-1").runtime("rt-eu", NetworkConfig.publicMode());
    List<Finding> f = run(new OutsideLandingZone(), b.build());
    assertThat(verdicts(f)).containsExactly("PASS runtime rt-in", "FAIL runtime rt-othervpc",
        "UNKNOWN runtime rt-unknownsubnet", "FAIL runtime rt-eu");
    assertThat(f.get(1).chain()).isEqualTo("runtime rt-othervpc (mode VPC) → subnet subnet-0f0000000000000f1"
        + " → vpc vpc-0b0000000000000b1 (not a landing-zone VPC)");
    assertThat(f.get(3).message()).contains("222222222222/eu-west-1, which no landing zone covers");
  }

  // AF-NET-006

  @Test
  void endpointServingOldPublicVersionFails() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    var r = region(b);
    r.runtime("rt-1", "2",
        List.of(new RuntimeVersion("2", CONTAINED, "READY"), new RuntimeVersion("1", NetworkConfig.publicMode(), "READY")),
        List.of(r.endpoint("DEFAULT", "rt-1", "2", null), r.endpoint("legacy", "rt-1", "1", null),
            r.endpoint("moving", "rt-1", "2", "5")));
    List<Finding> f = run(new EndpointOnUncontainedVersion(), b.build());
    assertThat(verdicts(f)).containsExactly("PASS runtime-endpoint DEFAULT", "FAIL runtime-endpoint legacy",
        "UNKNOWN runtime-endpoint moving");
    assertThat(f.get(1).chain()).isEqualTo(
        "runtime rt-1 (mode VPC) → runtime-endpoint legacy (of runtime rt-1) → version 1 (live, mode PUBLIC)");
    assertThat(f.get(1).resource().arn()).endsWith(":runtime/rt-1/runtime-endpoint/legacy");
    assertThat(f.get(2).message()).contains("target version 5 was not read");
  }

  @Test
  void endpointOnVpcVersionWithForeignSecurityGroupFails() {
    SnapshotBuilder b = new SnapshotBuilder("t");
    var r = region(b);
    r.runtime("rt-1", "2",
        List.of(new RuntimeVersion("2", CONTAINED, "READY"),
            new RuntimeVersion("1", NetworkConfig.vpc(List.of(SUBNET_A), List.of(FOREIGN_SG)), "READY")),
        List.of(r.endpoint("DEFAULT", "rt-1", "2", "1")));
    List<Finding> f = run(new EndpointOnUncontainedVersion(), b.build());
    assertThat(f).extracting(Finding::status).containsExactly(Status.FAIL);
    assertThat(f.get(0).message()).contains("target version 1").contains("sg-0f0000000000000f1 not approved");
  }
}
