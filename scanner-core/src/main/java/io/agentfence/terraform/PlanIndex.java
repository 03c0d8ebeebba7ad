package io.agentfence.terraform;

import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the planned resource a finding is about. A finding names its resource (id, ARN) and the
 * chain that leads to the broken link; the resource wins when the plan changes it, else the most
 * specific link of the chain the plan changes (a route, an association, a table), else a planned
 * resource the plan leaves as it is. Routes are known as {@code table|destination} and
 * associations as {@code subnet>table}, which is how a chain names them.
 */
public final class PlanIndex {
  /** A planned resource and the values it holds that stay unknown until apply. */
  public record Entry(PlannedResource resource, Set<String> unresolved) {}

  private final Map<String, Entry> byKey = new LinkedHashMap<>();

  void put(List<String> keys, Entry e) {
    for (String k : keys) {
      Entry prior = byKey.get(k);
      // A changed resource wins over an unchanged one named the same way.
      if (prior == null || (!prior.resource().changed() && e.resource().changed())) {
        byKey.put(k, e);
      }
    }
  }

  public Optional<Entry> find(Finding f) {
    List<Entry> candidates = new ArrayList<>();
    lookup(f.resource().id()).ifPresent(candidates::add);
    lookup(f.resource().arn()).ifPresent(candidates::add);
    List<EvidenceLink> chain = f.evidence();
    List<Entry> fromChain = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      EvidenceLink l = chain.get(i);
      if (i > 0 && l.kind().equals("route")) {
        lookup(chain.get(i - 1).id() + "|" + l.id()).ifPresent(fromChain::add);
      }
      if (i > 0 && l.kind().equals("route-table")) {
        lookup(chain.get(i - 1).id() + ">" + l.id()).ifPresent(fromChain::add);
      }
      lookup(l.id()).ifPresent(fromChain::add);
    }
    Optional<Entry> own = candidates.stream().filter(e -> e.resource().changed()).findFirst();
    if (own.isPresent()) {
      return own;
    }
    Optional<Entry> link = fromChain.stream().filter(e -> e.resource().changed()).findFirst();
    if (link.isPresent()) {
      return link;
    }
    return candidates.stream().findFirst().or(() -> fromChain.stream().findFirst());
  }

  private Optional<Entry> lookup(String key) {
    return key == null || key.isEmpty() ? Optional.empty() : Optional.ofNullable(byKey.get(key));
  }
}
