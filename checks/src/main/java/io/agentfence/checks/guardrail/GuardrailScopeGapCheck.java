package io.agentfence.checks.guardrail;

import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * AF-GRD-004: every guarded action must be covered, with Resource "*". Evaluated: an uncontained
 * request of each action that is not denied, although the guardrail's statements would deny it
 * were it in their Action/Resource scope.
 */
@Rule(
    id = "AF-GRD-004",
    name = "Guardrail misses an action or resource scope",
    area = RuleArea.GUARDRAIL,
    severity = Severity.HIGH,
    control = "VCA-5 IAM/SCP guardrail denies uncontained creation",
    summary = "For CreateAgentRuntime, UpdateAgentRuntime, CreateBrowser and CreateCodeInterpreter, evaluates a request"
        + " without network keys and one with a foreign subnet, and reports those that escape only because a statement's"
        + " Action or Resource does not cover them.",
    rationale = "CreateAgentRuntime, CreateBrowser and CreateCodeInterpreter have no resource type, so a Deny scoped to"
        + " runtime/* never applies to them; a guardrail that omits CreateBrowser or CreateCodeInterpreter lets"
        + " uncontained tools be created.",
    remediationConsole = "Edit the guardrail: every Deny statement lists the four actions and has \"Resource\": \"*\".",
    remediationCli = "aws iam create-policy-version --policy-arn <arn> --policy-document file://guardrail.json"
        + " --set-as-default",
    remediationTerraform = "resources = [\"*\"] and actions = the four bedrock-agentcore actions in every Deny statement.",
    references = {
        "https://docs.aws.amazon.com/service-authorization/latest/reference/list_bedrock-agentcore.html",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html"})
public final class GuardrailScopeGapCheck extends GuardrailTargetCheck {
  @Override
  Optional<Finding> judge(GuardrailTarget t) {
    List<GuardrailAnalyzer.ScopeGap> gaps =
        GuardrailAnalyzer.scopeGaps(t.set(), t.approvedSubnets(), t.approvedSgs(), t.principal());
    if (gaps.isEmpty()) {
      return Optional.of(GuardrailFindings.of(this, Status.PASS, t.ref(), t.kindLabel() + " " + t.name()
          + " covers CreateAgentRuntime, UpdateAgentRuntime, CreateBrowser and CreateCodeInterpreter in scope.",
          GuardrailFindings.chain(t), GuardrailFindings.props()));
    }
    List<EvidenceLink> evidence = new ArrayList<>(GuardrailFindings.chain(t));
    gaps.forEach(g -> {
      evidence.add(EvidenceLink.of("statement", g.statement(), "out of scope"));
      evidence.add(EvidenceLink.of("action", g.action(), g.requestKind()));
    });
    return Optional.of(GuardrailFindings.of(this, Status.FAIL, t.ref(), t.kindLabel() + " " + t.name() + ": "
        + gaps.stream().map(GuardrailAnalyzer.ScopeGap::message).collect(Collectors.joining(". ")) + ".",
        evidence, GuardrailFindings.props(
            "actions", gaps.stream().map(GuardrailAnalyzer.ScopeGap::action).distinct().collect(Collectors.joining(",")))));
  }
}
