package io.agentfence.checks.support;

import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Status;
import java.util.List;

/** The outcome for one part of a resource (e.g. one subnet of a runtime) before combining. */
public record Verdict(Status status, String message, List<EvidenceLink> evidence) {
  public Verdict {
    evidence = List.copyOf(evidence);
  }

  public static Verdict pass(String message, List<EvidenceLink> evidence) {
    return new Verdict(Status.PASS, message, evidence);
  }

  public static Verdict fail(String message, List<EvidenceLink> evidence) {
    return new Verdict(Status.FAIL, message, evidence);
  }

  public static Verdict unknown(String message, List<EvidenceLink> evidence) {
    return new Verdict(Status.UNKNOWN, message, evidence);
  }

  /**
   * FAIL if any part fails, else UNKNOWN if any is unknown, else PASS. The message joins the
   * messages of the deciding parts; the evidence is the chain of the first deciding part.
   */
  public static Verdict combine(List<Verdict> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to combine");
    }
    Status worst = parts.stream().anyMatch(v -> v.status == Status.FAIL) ? Status.FAIL
        : parts.stream().anyMatch(v -> v.status == Status.UNKNOWN) ? Status.UNKNOWN : Status.PASS;
    List<Verdict> deciding = parts.stream().filter(v -> v.status == worst).toList();
    String msg = String.join("; ", deciding.stream().map(Verdict::message).distinct().toList());
    return new Verdict(worst, msg, deciding.get(0).evidence);
  }
}
