package io.agentfence.checks.network;

import io.agentfence.checks.support.Workload;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Status;
import java.util.List;

/** Shared mode verdict: only VPC passes; the message says what the mode means. */
final class ModeJudge {
  private ModeJudge() {}

  interface Factory {
    Finding make(Status s, ResourceRef r, String message, List<EvidenceLink> evidence);
  }

  static Finding judge(Factory f, Workload w, List<String> passing) {
    String mode = w.network().orElseThrow().mode();
    String name = w.kind() + " " + w.id();
    if (passing.contains(mode)) {
      return f.make(Status.PASS, w.ref(), name + " is in VPC mode", List.of(w.link()));
    }
    String why;
    switch (mode) {
      case "PUBLIC":
        why = "PUBLIC mode reaches the internet from AWS-managed networking, outside every landing zone";
        break;
      case "SANDBOX":
        why = "SANDBOX mode still reaches AWS services such as Amazon S3 outside the customer VPC";
        break;
      case "":
        why = "no network mode was returned";
        break;
      default:
        why = "network mode '" + mode + "' is not VPC; a mode this scanner does not know is not assumed contained";
    }
    return f.make(Status.FAIL, w.ref(), name + " is not in VPC mode: " + why,
        List.of(w.link(), EvidenceLink.of("network-mode", Workload.display(mode), "expected VPC")));
  }
}
