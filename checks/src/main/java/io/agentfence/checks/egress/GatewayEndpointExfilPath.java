package io.agentfence.checks.egress;

import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.checks.support.EndpointPolicies;
import io.agentfence.checks.support.Scopes;
import io.agentfence.checks.support.SubnetPathCheck;
import io.agentfence.checks.support.SubnetPaths.Path;
import io.agentfence.checks.support.Verdict;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Severity;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.VpcEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An S3 or DynamoDB gateway endpoint routed from a workload subnet's table is a path to AWS storage
 * that never crosses the inspection gateway. It is contained only if its policy limits which
 * buckets/tables can be reached; no policy, or Allow Principal * Resource * without condition, is
 * open. A policy that is not JSON fails with the parse problem: it cannot be shown restrictive.
 */
@Rule(
    id = "AF-EGR-004",
    name = "Gateway endpoint exfiltration path",
    area = RuleArea.EGRESS,
    severity = Severity.MEDIUM,
    control = "VCA-2 no path around the inspection gateway",
    summary = "Every S3/DynamoDB gateway endpoint in a runtime/tool subnet's route table has a policy restricted to"
        + " the organization's buckets/tables.",
    rationale = "Gateway endpoint routes (prefix list → vpce-) bypass the inspection gateway by design. With the"
        + " default full-access policy an agent can write data to an attacker-owned bucket.",
    remediationConsole = "VPC console > Endpoints > the gateway endpoint > Policy: allow only your buckets/tables,"
        + " e.g. with Condition aws:ResourceOrgID or aws:ResourceAccount.",
    remediationCli = "aws ec2 modify-vpc-endpoint --vpc-endpoint-id <vpce> --policy-document file://s3-org-only.json",
    remediationTerraform = "resource \"aws_vpc_endpoint_policy\" \"s3\" { vpc_endpoint_id = aws_vpc_endpoint.s3.id"
        + " policy = data.aws_iam_policy_document.org_buckets_only.json }",
    references = {
        "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html",
        "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html"})
public final class GatewayEndpointExfilPath extends SubnetPathCheck {

  @Override
  protected Verdict judge(CheckContext ctx, Path p) {
    Optional<String> unread = Scopes.unread(ctx, p.workload().accountId(), p.workload().region(),
        ResourceKind.VPC_ENDPOINTS);
    if (unread.isPresent()) {
      return Verdict.unknown("gateway endpoints cannot be checked: " + unread.get(), p.chain());
    }
    List<Verdict> parts = new ArrayList<>();
    for (VpcEndpoint e : p.workload().inventory().vpcEndpoints()) {
      if (!isStorageGateway(e) || !routedFrom(e, p)) {
        continue;
      }
      EndpointPolicies.Openness o = EndpointPolicies.evaluate(e.policyDocument());
      List<EvidenceLink> ev = new ArrayList<>(p.chain());
      ev.add(EvidenceLink.of("route", "prefix list of " + e.serviceName()));
      ev.add(EvidenceLink.of("gateway-endpoint", e.id(),
          o.invalid() ? "policy not valid" : o.open() ? "policy allows any bucket/table" : "policy restricted"));
      String head = "gateway endpoint " + e.id() + " (" + e.serviceName() + ") routed from " + p.table().id();
      if (o.invalid()) {
        parts.add(Verdict.fail(head + " cannot be shown restricted: " + o.reason(), ev));
      } else if (o.open()) {
        parts.add(Verdict.fail(head + " is an exfiltration path around inspection: " + o.reason(), ev));
      } else {
        parts.add(Verdict.pass(head + ": " + o.reason() + " (a Condition is taken as restricting)", ev));
      }
    }
    return parts.isEmpty()
        ? Verdict.pass("no S3/DynamoDB gateway endpoint is routed from " + p.table().id(), p.chain())
        : Verdict.combine(parts);
  }

  private static boolean isStorageGateway(VpcEndpoint e) {
    String svc = e.serviceName().toLowerCase(Locale.ROOT);
    return e.type().equalsIgnoreCase("Gateway") && (svc.endsWith(".s3") || svc.endsWith(".dynamodb"));
  }

  /** The endpoint lists the table, or the table holds a route whose target is the endpoint. */
  private static boolean routedFrom(VpcEndpoint e, Path p) {
    return e.routeTableIds().contains(p.table().id())
        || p.table().routes().stream().anyMatch(r -> r.target().id().equals(e.id()));
  }
}
