package io.agentfence.reporters.runtime;

import io.agentfence.check.RuleArea;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Status;
import io.agentfence.reporters.ReportView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one runtime's containment rests on, as lanes of links: the network path (runtime →
 * endpoints/versions → subnets → route table → each hop → target), DNS, PrivateLink, the guardrail
 * and the coverage of its scope. Each lane merges the evidence chains of the findings that bear on
 * the runtime into a tree (shared prefixes drawn once); the last link of a finding's chain is the
 * link that finding judged, so it carries that finding's status.
 */
public final class ContainmentMap {
  /** The lanes, in drawing order. */
  public enum Lane {
    PATH("Network path"), DNS("DNS"), PRIVATELINK("PrivateLink"), GUARDRAIL("Guardrail"), COVERAGE("Coverage");

    private final String title;

    Lane(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /**
   * One link of the tree.
   *
   * @param judged the findings whose chain ends here: this link is what they passed, failed or could not verify
   */
  public record Node(EvidenceLink link, int depth, List<Node> children, List<ReportView.Entry> judged) {
    /** The worst status of the findings that judged this link; PASS when none did (a hop on the way). */
    public Status status() {
      Status s = Status.PASS;
      for (ReportView.Entry e : judged) {
        Finding f = e.finding();
        if (f.status() == Status.FAIL && f.suppression().isEmpty()) {
          return Status.FAIL;
        }
        if (f.status() == Status.UNKNOWN) {
          s = Status.UNKNOWN;
        }
      }
      return s;
    }

    public boolean judgedAtAll() {
      return !judged.isEmpty();
    }

    /** Leaves under this node (at least 1): the rows it spans when drawn. */
    public int span() {
      return children.isEmpty() ? 1 : children.stream().mapToInt(Node::span).sum();
    }
  }

  private final Map<Lane, List<Node>> lanes;

  private ContainmentMap(Map<Lane, List<Node>> lanes) {
    this.lanes = lanes;
  }

  public Map<Lane, List<Node>> lanes() {
    return lanes;
  }

  /** The map of {@code runtime} from every finding in {@code view} that bears on it. */
  public static ContainmentMap of(ReportView view, ResourceRef runtime) {
    List<ReportView.Entry> own = new ArrayList<>();
    Set<String> vpcs = new LinkedHashSet<>();
    String key = runtime.accountId() + "\u0000" + runtime.region() + "\u0000" + runtime.id();
    for (ReportView.Entry e : view.entries()) {
      Finding f = e.finding();
      if (f.ruleId().equals(RuntimeGroups.CONTAINMENT_RULE)) {
        continue;
      }
      if (RuntimeGroups.runtimeOf(f).filter(key::equals).isPresent()) {
        own.add(e);
        for (EvidenceLink l : f.evidence()) {
          if (l.kind().equals("subnet") && l.note().startsWith("vpc-")) {
            vpcs.add(l.note());
          }
        }
      }
    }
    Map<Lane, List<ReportView.Entry>> byLane = new LinkedHashMap<>();
    for (Lane l : Lane.values()) {
      byLane.put(l, new ArrayList<>());
    }
    own.forEach(e -> byLane.get(Lane.PATH).add(e));
    for (ReportView.Entry e : view.entries()) {
      Finding f = e.finding();
      ResourceRef r = f.resource();
      if (f.ruleId().equals(RuntimeGroups.CONTAINMENT_RULE) || !r.accountId().equals(runtime.accountId())) {
        continue;
      }
      Optional<RuleArea> area = view.areaOf(f.ruleId());
      boolean sameRegion = r.region().equals(runtime.region());
      boolean onVpc = r.kind().equals("vpc") && sameRegion && vpcs.contains(r.id());
      if (onVpc && area.filter(a -> a == RuleArea.DNS).isPresent()) {
        byLane.get(Lane.DNS).add(e);
      } else if (onVpc && area.filter(a -> a == RuleArea.PRIVATELINK).isPresent()) {
        byLane.get(Lane.PRIVATELINK).add(e);
      } else if (r.region().equals("global") && area.filter(a -> a == RuleArea.GUARDRAIL).isPresent()) {
        byLane.get(Lane.GUARDRAIL).add(e);
      } else if (area.filter(a -> a == RuleArea.COVERAGE).isPresent() && (sameRegion || r.region().equals("global"))
          && f.status() != Status.PASS) {
        byLane.get(Lane.COVERAGE).add(e);
      }
    }
    Map<Lane, List<Node>> lanes = new LinkedHashMap<>();
    byLane.forEach((lane, entries) -> lanes.put(lane, tree(entries)));
    return new ContainmentMap(lanes);
  }

  /** Merges chains by their (kind, id) prefixes; a finding without a chain is judged on its resource. */
  private static List<Node> tree(List<ReportView.Entry> entries) {
    MutableNode root = new MutableNode(null, -1);
    for (ReportView.Entry e : entries) {
      List<EvidenceLink> chain = e.finding().evidence();
      if (chain.isEmpty()) {
        ResourceRef r = e.finding().resource();
        chain = List.of(EvidenceLink.of(r.kind(), r.id()));
      }
      MutableNode at = root;
      for (EvidenceLink l : chain) {
        at = at.child(l);
      }
      at.judged.add(e);
    }
    return root.freeze().children();
  }

  private static final class MutableNode {
    final EvidenceLink link;
    final int depth;
    final Map<String, MutableNode> children = new LinkedHashMap<>();
    final List<ReportView.Entry> judged = new ArrayList<>();

    MutableNode(EvidenceLink link, int depth) {
      this.link = link;
      this.depth = depth;
    }

    MutableNode child(EvidenceLink l) {
      return children.computeIfAbsent(l.kind() + "\u0000" + l.id(), k -> new MutableNode(l, depth + 1));
    }

    Node freeze() {
      return new Node(link == null ? EvidenceLink.of("root", "") : link, depth,
          children.values().stream().map(MutableNode::freeze).toList(), List.copyOf(judged));
    }
  }
}
