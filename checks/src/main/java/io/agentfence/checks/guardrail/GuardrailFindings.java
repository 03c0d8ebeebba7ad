package io.agentfence.checks.guardrail;

import io.agentfence.check.Check;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds guardrail findings with the rule's own id and severity. */
final class GuardrailFindings {
  private GuardrailFindings() {}

  static Finding of(Check check, Status status, ResourceRef ref, String message, List<EvidenceLink> evidence,
      Map<String, String> properties) {
    return new Finding(check.metadata().id(), status, check.metadata().severity(), ref, message, evidence, properties);
  }

  static List<EvidenceLink> chain(GuardrailTarget t, EvidenceLink... more) {
    List<EvidenceLink> out = new ArrayList<>();
    out.add(EvidenceLink.of(t.scp() ? "scp" : "managed-policy", t.ref().arn(), t.name()));
    out.addAll(List.of(more));
    return out;
  }

  static Map<String, String> props(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
