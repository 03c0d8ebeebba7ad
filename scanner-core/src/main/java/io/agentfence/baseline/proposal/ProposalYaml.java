package io.agentfence.baseline.proposal;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes a {@link Proposal} as {@code agentfence.yaml}: every value with a comment saying where it
 * came from; what is not approved as a commented-out line with the reason (a whole zone commented
 * out when a required list would be empty), so the file parses strictly as it is.
 */
public final class ProposalYaml {
  private ProposalYaml() {}

  public static String write(Proposal p, LocalDate today) {
    StringBuilder b = new StringBuilder();
    b.append("# agentfence.yaml proposed by 'agentfence init' on ").append(today).append(" from ")
        .append(comment(p.source())).append(".\n")
        .append("# Review every value: init approves what exists, it cannot know what you intended.\n")
        .append("# Lines marked NOT APPROVED look uncontained; they stay commented out so the first scan reports them.\n")
        .append("version: 1\n");
    for (String n : p.notes()) {
      b.append("# NOT APPROVED: ").append(comment(n)).append('\n');
    }
    b.append("landingZones:\n");
    for (Proposal.Zone z : p.zones()) {
      String reason = z.notApproved().orElse(null);
      String prefix = reason == null ? "" : "# ";
      if (reason != null) {
        b.append("  # NOT APPROVED: landing zone ").append(z.accountId()).append('/').append(z.region()).append(' ')
            .append(z.vpc().id()).append(": ").append(comment(reason)).append('\n');
      }
      b.append(prefix).append("  - name: ").append(z.name()).append('\n');
      b.append(prefix).append("    accounts: [\"").append(z.accountId()).append("\"]\n");
      b.append(prefix).append("    regions: [").append(z.region()).append("]\n");
      b.append(prefix).append("    vpcId: ").append(z.vpc().id()).append("   # ").append(comment(z.vpc().origin())).append('\n');
      list(b, prefix, "approvedSubnets", z.subnets());
      list(b, prefix, "approvedSecurityGroups", z.securityGroups());
      list(b, prefix, "inspectionTargets", z.inspectionTargets());
    }
    if (p.managedPolicies().isEmpty() && p.scps().isEmpty()) {
      b.append("# guardrail: none proposed: no customer managed policy or SCP constrains bedrock-agentcore:subnets or"
          + " bedrock-agentcore:securityGroups\n");
    } else {
      b.append("guardrail:\n");
      if (!p.managedPolicies().isEmpty()) {
        list(b, "", "managedPolicies", p.managedPolicies(), "  ");
      }
      if (!p.scps().isEmpty()) {
        list(b, "", "scps", p.scps(), "  ");
      }
    }
    return b.toString();
  }

  private static void list(StringBuilder b, String prefix, String key, List<Proposal.Item> items) {
    list(b, prefix, key, items, "    ");
  }

  private static void list(StringBuilder b, String prefix, String key, List<Proposal.Item> items, String indent) {
    b.append(prefix).append(indent).append(key).append(":\n");
    for (Proposal.Item i : items) {
      if (i.isApproved()) {
        b.append(prefix).append(indent).append("  - ").append(quoted(i.id())).append("   # ")
            .append(comment(i.origin())).append('\n');
      } else {
        b.append("#").append(prefix.isEmpty() ? "" : " ").append(indent).append(" - ").append(quoted(i.id()))
            .append("   # NOT APPROVED: ").append(comment(i.notApproved().get())).append(" (")
            .append(comment(i.origin())).append(")\n");
      }
    }
  }

  /** Ids are written quoted so no value can change the YAML's structure. */
  private static String quoted(String id) {
    return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Comment text on one line: names come from AWS (attacker-chosen), so no line break gets through. */
  static String comment(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }
}
