package io.agentfence.checks.support;

import io.agentfence.finding.EvidenceLink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Compares the ids a workload uses (subnets, security groups) with the baseline's approved set. */
public final class Approvals {
  private Approvals() {}

  /**
   * PASS when every id is approved, FAIL naming each id that is not.
   *
   * @param label {@code subnet} or {@code security-group}
   */
  public static Verdict judge(EvidenceLink head, String where, List<String> ids, Collection<String> approved, String label) {
    if (ids.isEmpty()) {
      return Verdict.unknown("no " + label + " ids were returned for a VPC-mode configuration", List.of(head));
    }
    List<String> bad = ids.stream().filter(id -> !approved.contains(id)).toList();
    if (bad.isEmpty()) {
      return Verdict.pass("every " + label + " is approved", List.of(head));
    }
    List<EvidenceLink> ev = new ArrayList<>();
    ev.add(head);
    for (String b : bad) {
      ev.add(EvidenceLink.of(label, b, approved.isEmpty()
          ? "no landing zone covers " + where : "not in the approved set of the landing zone"));
    }
    return Verdict.fail(label + (bad.size() > 1 ? "s " : " ") + String.join(", ", bad) + " not approved for " + where
        + (approved.isEmpty() ? " (no landing zone covers it, so nothing is approved)"
            : " (approved: " + String.join(", ", approved) + ")"), ev);
  }
}
