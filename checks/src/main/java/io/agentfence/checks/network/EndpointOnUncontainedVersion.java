package io.agentfence.checks.network;

import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.Approvals;
import io.agentfence.checks.support.BaseCheck;
import io.agentfence.checks.support.LandingZones;
import io.agentfence.checks.support.Refs;
import io.agentfence.checks.support.Verdict;
import io.agentfence.checks.support.Workload;
import io.agentfence.checks.support.Workloads;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.RuntimeEndpoint;
import io.agentfence.inventory.RuntimeVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an endpoint serves is what runs: an endpoint's live or target version may be older than
 * the latest and have another network configuration. Each such version must be VPC mode with
 * approved subnets and security groups. A version that is not in the inventory is UNKNOWN.
 */
@Rule(
    id = "AF-NET-006",
    name = "Runtime endpoint serves an uncontained version",
    area = RuleArea.NETWORK_MODE,
    severity = Severity.HIGH,
    control = "VCA-1 every served runtime version is contained",
    summary = "The live and target versions of every runtime endpoint are in VPC mode with approved subnets and"
        + " security groups.",
    rationale = "Fixing the latest version does not stop an endpoint that still serves an older PUBLIC version:"
        + " invocations through it run uncontained. Scanners that read only GetAgentRuntime miss this.",
    remediationConsole = "Bedrock AgentCore console > Runtime > Endpoints: update the endpoint to a contained"
        + " version, then delete the old version's endpoints.",
    remediationCli = "aws bedrock-agentcore-control update-agent-runtime-endpoint --agent-runtime-id <id>"
        + " --endpoint-name <name> --agent-runtime-version <contained version>",
    remediationTerraform = "resource \"aws_bedrockagentcore_agent_runtime_endpoint\" { agent_runtime_version ="
        + " aws_bedrockagentcore_agent_runtime.this.agent_runtime_version }",
    references = {
        "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-vpc.html"})
public final class EndpointOnUncontainedVersion extends BaseCheck {

  @Override
  public List<Finding> evaluate(CheckContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (var located : Workloads.runtimes(ctx.snapshot())) {
      AgentRuntime rt = located.value();
      Workload w = Workloads.runtime(located.accountId(), located.inventory(), rt);
      for (RuntimeEndpoint e : rt.endpoints()) {
        List<Verdict> parts = new ArrayList<>();
        EvidenceLink head = EvidenceLink.of("runtime-endpoint", e.name(), "of runtime " + rt.id());
        e.liveVersion().ifPresent(v -> parts.add(judgeVersion(ctx, w, rt, head, "live", v)));
        e.targetVersion().filter(v -> !e.liveVersion().equals(Optional.of(v)))
            .ifPresent(v -> parts.add(judgeVersion(ctx, w, rt, head, "target", v)));
        var ref = Refs.endpoint(rt, e, located.accountId(), located.region());
        if (parts.isEmpty()) {
          out.add(unknown(ref, "endpoint " + e.name() + " reports neither a live nor a target version",
              List.of(w.link(), head)));
          continue;
        }
        Verdict v = Verdict.combine(parts);
        out.add(finding(v.status(), ref, "endpoint " + e.name() + " of runtime " + rt.id() + ": " + v.message(),
            v.evidence()));
      }
    }
    return out;
  }

  private static Verdict judgeVersion(CheckContext ctx, Workload w, AgentRuntime rt, EvidenceLink head,
      String role, String version) {
    Optional<RuntimeVersion> rv = rt.version(version);
    List<EvidenceLink> ev = new ArrayList<>(List.of(w.link(), head));
    if (rv.isEmpty()) {
      ev.add(EvidenceLink.of("version", version, role + ", not in inventory"));
      return Verdict.unknown(role + " version " + version + " was not read", ev);
    }
    NetworkConfig n = rv.get().network();
    ev.add(EvidenceLink.of("version", version, role + ", mode " + Workload.display(n.mode())));
    if (!n.isVpc()) {
      return Verdict.fail(role + " version " + version + " is in " + Workload.display(n.mode())
          + " mode, not VPC", ev);
    }
    Set<String> subnets = LandingZones.approvedSubnets(ctx.baseline(), w.accountId(), w.region());
    Set<String> sgs = LandingZones.approvedSecurityGroups(ctx.baseline(), w.accountId(), w.region());
    String where = w.accountId() + "/" + w.region();
    Verdict combined = Verdict.combine(List.of(
        Approvals.judge(ev.get(ev.size() - 1), where, n.subnets(), subnets, "subnet"),
        Approvals.judge(ev.get(ev.size() - 1), where, n.securityGroups(), sgs, "security-group")));
    List<EvidenceLink> full = new ArrayList<>(ev.subList(0, ev.size() - 1));
    full.addAll(combined.evidence());
    return new Verdict(combined.status(), role + " version " + version + ": " + combined.message(), full);
  }
}
