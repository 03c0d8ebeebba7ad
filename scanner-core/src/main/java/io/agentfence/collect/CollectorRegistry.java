package io.agentfence.collect;

import io.agentfence.inventory.ResourceKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The collectors a scan runs: the engine runs every {@link RegionCollector} in each (account,
 * region) unit and every {@link AccountCollector} in each account's own unit, in the order listed
 * here (which is the order of their calls on the wire). Adding a collector is one line in
 * {@link #standard()}; the engine does not change.
 *
 * <p>Fail-closed bookkeeping follows from the declarations: every kind is declared by exactly one
 * collector, and the gaps of a scope that could not be read cover every kind of {@link
 * ResourceKind} (see {@code inventory.CoverageGaps}), so each regional kind must be declared here
 * by a region collector and each per-account kind by an account collector.
 */
public record CollectorRegistry(List<RegionCollector> regional, List<AccountCollector> perAccount) {
  public CollectorRegistry {
    regional = List.copyOf(regional);
    perAccount = List.copyOf(perAccount);
    Set<ResourceKind> seen = EnumSet.noneOf(ResourceKind.class);
    Stream.concat(regional.stream().flatMap(c -> c.reads().stream().map(r -> check(r, false))),
            perAccount.stream().flatMap(c -> c.reads().stream().map(r -> check(r, true))))
        .forEach(k -> {
          if (!seen.add(k)) {
            throw new IllegalArgumentException(k + " is declared by two collectors");
          }
        });
  }

  /** The collectors agentfence ships, in call order: AgentCore before the network (see NetworkCollector). */
  public static CollectorRegistry standard() {
    return new CollectorRegistry(
        List.of(AgentCoreCollector.REGIONAL, NetworkCollector.REGIONAL),
        List.of(IamCollector.PER_ACCOUNT));
  }

  /** Every kind the collectors declare. */
  public Set<ResourceKind> kinds() {
    Set<ResourceKind> out = EnumSet.noneOf(ResourceKind.class);
    regional.forEach(c -> c.reads().forEach(r -> out.add(r.kind())));
    perAccount.forEach(c -> c.reads().forEach(r -> out.add(r.kind())));
    return out;
  }

  private static ResourceKind check(KindReads r, boolean perAccount) {
    if (perAccount ? !r.kind().perAccount() : r.kind().global()) {
      throw new IllegalArgumentException(r.kind() + (perAccount
          ? " is not read once per account: declare it on a RegionCollector"
          : " is global: declare it on an AccountCollector"));
    }
    return r.kind();
  }
}
