package io.agentfence.finding;

import io.agentfence.util.Values;

/**
 * One link of an evidence chain: {@code runtime r-1 → subnet subnet-a → route table rtb-9 (main)
 * → 0.0.0.0/0 → nat-123 (not the inspection gateway)}.
 *
 * @param kind  what the link is: runtime, subnet, route-table, route, target, policy, statement...
 * @param id    its identifier
 * @param note  what about it matters here, may be empty
 */
public record EvidenceLink(String kind, String id, String note) {
  public EvidenceLink {
    Values.require(kind, "evidence kind");
    id = id == null ? "" : id;
    note = note == null ? "" : note;
  }

  public static EvidenceLink of(String kind, String id) {
    return new EvidenceLink(kind, id, "");
  }

  public static EvidenceLink of(String kind, String id, String note) {
    return new EvidenceLink(kind, id, note);
  }

  public String render() {
    String base = kind + " " + id;
    return note.isEmpty() ? base : base + " (" + note + ")";
  }
}
