package io.agentfence.reporters;

import io.agentfence.check.RuleArea;
import io.agentfence.check.RuleMetadata;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.finding.SuppressionInfo;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.ResourceKind;
import java.time.LocalDate;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.compare.PreviousFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rich synthetic scan: two accounts, two regions, an organization-level finding, every status,
 * a suppressed result, a coverage gap, awkward resource ids and a rule missing from the catalogue.
 */
public final class SampleReports {
  public static final String A1 = "111122223333";
  public static final String A2 = "444455556666";

  private SampleReports() {}

  public static RuleMetadata rule(String id, String name, RuleArea area, Severity sev) {
    return new RuleMetadata(id, name, area, sev, "VCA-1 runtime in customer VPC",
        name + " is checked on every resource in scope",
        "An agent outside the landing zone can reach the internet without inspection.",
        new RuleMetadata.Remediation("Open the AgentCore console and redeploy the runtime in VPC mode.",
            "aws bedrock-agentcore-control update-agent-runtime --agent-runtime-id ID --network-configuration networkMode=VPC",
            "resource \"aws_bedrockagentcore_agent_runtime\" \"x\" {\n  network_configuration { network_mode = \"VPC\" }\n}"),
        List.of("https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html"));
  }

  public static List<RuleMetadata> rules() {
    return List.of(
        rule("AF-COV-001", "Scan coverage incomplete", RuleArea.COVERAGE, Severity.HIGH),
        rule("AF-NET-001", "Runtime in PUBLIC network mode", RuleArea.NETWORK_MODE, Severity.CRITICAL),
        rule("AF-NET-003", "Subnet not approved", RuleArea.NETWORK_MODE, Severity.HIGH),
        rule("AF-EGR-001", "Default route bypasses inspection", RuleArea.EGRESS, Severity.HIGH),
        rule("AF-DNS-001", "Resolver not AWS-provided", RuleArea.DNS, Severity.MEDIUM),
        rule("AF-PL-002", "Private DNS off", RuleArea.PRIVATELINK, Severity.LOW),
        rule("AF-GRD-001", "Guardrail missing", RuleArea.GUARDRAIL, Severity.HIGH),
        rule("AF-CNT-001", "Runtime not contained", RuleArea.CONTAINMENT, Severity.HIGH),
        rule("AF-INFO-001", "Inventory note", RuleArea.COVERAGE, Severity.INFO));
  }

  public static ResourceRef runtime(String account, String region, String id) {
    return new ResourceRef("runtime", id,
        "arn:aws:bedrock-agentcore:" + region + ":" + account + ":runtime/" + id, account, region);
  }

  public static Finding finding(String rule, Status st, Severity sev, ResourceRef r, String msg, EvidenceLink... chain) {
    return new Finding(rule, st, sev, r, msg, List.of(chain), Map.of());
  }

  public static List<Finding> findings() {
    ResourceRef rt1 = runtime(A1, "us-east-1", "agent_one-AbC123");
    ResourceRef rt2 = runtime(A1, "eu-west-1", "agent two/with space");
    ResourceRef rt3 = runtime(A2, "us-east-1", "agent_three-XyZ789");
    List<Finding> out = new ArrayList<>();
    out.add(finding("AF-NET-001", Status.FAIL, Severity.CRITICAL, rt1, "Runtime agent_one is in PUBLIC network mode",
        EvidenceLink.of("runtime", "agent_one-AbC123"), EvidenceLink.of("version", "3", "latest"),
        EvidenceLink.of("networkMode", "PUBLIC")));
    out.add(finding("AF-NET-001", Status.PASS, Severity.CRITICAL, rt3, "Runtime agent_three is in VPC mode"));
    out.add(finding("AF-NET-001", Status.UNKNOWN, Severity.CRITICAL, rt2, "Runtimes in eu-west-1 were not read",
        EvidenceLink.of("coverage", A1 + "/eu-west-1/AGENT_RUNTIMES", "DENIED")));
    out.add(finding("AF-EGR-001", Status.FAIL, Severity.HIGH, rt3, "Default route of subnet-0a1 goes to a NAT gateway",
        EvidenceLink.of("runtime", "agent_three-XyZ789"), EvidenceLink.of("subnet", "subnet-0a1"),
        EvidenceLink.of("route-table", "rtb-9", "main"), EvidenceLink.of("route", "0.0.0.0/0"),
        EvidenceLink.of("target", "nat-123", "not the inspection gateway")));
    out.add(new Finding("AF-NET-003", Status.FAIL, Severity.HIGH, rt3, "Subnet subnet-0b2 is not approved",
        List.of(EvidenceLink.of("subnet", "subnet-0b2")), Map.of(Fingerprints.KEY_PROPERTY, "subnet-0b2"),
        Optional.of(new SuppressionInfo("Migration to the landing zone planned in Q1", "platform-team",
            LocalDate.of(2027, 3, 31)))));
    out.add(finding("AF-DNS-001", Status.FAIL, Severity.MEDIUM,
        new ResourceRef("vpc", "vpc-0abc", "arn:aws:ec2:us-east-1:" + A2 + ":vpc/vpc-0abc", A2, "us-east-1"),
        "DHCP options dopt-1 use custom resolvers 10.0.0.2", EvidenceLink.of("vpc", "vpc-0abc"),
        EvidenceLink.of("dhcp-options", "dopt-1", "domain-name-servers=10.0.0.2")));
    out.add(finding("AF-PL-002", Status.FAIL, Severity.LOW,
        new ResourceRef("vpc-endpoint", "vpce-1", "", A2, "us-east-1"), "Private DNS is off on vpce-1"));
    out.add(finding("AF-GRD-001", Status.FAIL, Severity.HIGH,
        new ResourceRef("guardrail", "agentcore-guardrail", "", "", "global"),
        "No SCP named agentcore-guardrail is attached to the organization root"));
    out.add(finding("AF-COV-001", Status.FAIL, Severity.HIGH,
        new ResourceRef("coverage", "AGENT_RUNTIMES", "", A1, "eu-west-1"),
        "AGENT_RUNTIMES in 111122223333/eu-west-1 could not be read: AccessDenied"));
    out.add(finding("AF-CNT-001", Status.FAIL, Severity.HIGH, rt1, "Runtime agent_one is not contained",
        EvidenceLink.of("runtime", "agent_one-AbC123"), EvidenceLink.of("networkMode", "PUBLIC")));
    out.add(finding("AF-CNT-001", Status.UNKNOWN, Severity.HIGH, rt2, "Runtime containment unknown"));
    out.add(finding("AF-CNT-001", Status.PASS, Severity.HIGH, rt3, "Runtime agent_three is contained"));
    out.add(finding("AF-INFO-001", Status.FAIL, Severity.INFO, rt3, "Runtime has an endpoint on an old version"));
    out.add(finding("AF-LEGACY-9", Status.FAIL, Severity.MEDIUM, rt1, "A result of a rule not in the catalogue"));
    return out;
  }

  public static List<CoverageRecord> coverage() {
    return List.of(
        CoverageRecord.read(A1, "us-east-1", ResourceKind.AGENT_RUNTIMES),
        CoverageRecord.gap(A1, "eu-west-1", ResourceKind.AGENT_RUNTIMES, CoverageStatus.DENIED,
            "bedrock-agentcore:ListAgentRuntimes", "AccessDeniedException", "User is not authorized"),
        CoverageRecord.read(A1, CoverageRecord.GLOBAL, ResourceKind.IAM),
        CoverageRecord.read(A2, "us-east-1", ResourceKind.AGENT_RUNTIMES),
        CoverageRecord.read(A2, "us-east-1", ResourceKind.VPCS),
        CoverageRecord.read(A2, CoverageRecord.GLOBAL, ResourceKind.IAM));
  }

  public static ScanReport report() {
    return report(findings());
  }

  public static ScanReport report(List<Finding> findings) {
    return new ScanReport("0.1.0-SNAPSHOT", "agentfence.yaml", CollectionInfo.empty(), rules(), findings,
        coverage(), false);
  }

  /** A clean, complete report: one account, everything passes. */
  public static ScanReport clean() {
    return new ScanReport("0.1.0", "agentfence.yaml", CollectionInfo.empty(), rules(),
        List.of(finding("AF-NET-001", Status.PASS, Severity.CRITICAL, runtime(A1, "us-east-1", "ok"), "VPC mode")),
        List.of(CoverageRecord.read(A1, "us-east-1", ResourceKind.AGENT_RUNTIMES)), true);
  }

  /** The sample compared with a previous run that had one more finding, now gone. */
  public static Comparison withPrevious() {
    ScanReport current = report();
    List<PreviousFinding> previous = List.of(new PreviousFinding("f".repeat(64), "AF-NET-001", Status.FAIL,
        Severity.CRITICAL, runtime(A2, "us-east-1", "deleted-runtime"),
        "Runtime deleted-runtime is in PUBLIC network mode", "runtime deleted-runtime"));
    return Comparison.of(current, previous, "previous.sarif");
  }

}
