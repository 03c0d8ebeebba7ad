package io.agentfence.collect;

import io.agentfence.inventory.RegionInventory;
import java.util.List;

/**
 * A collector the engine runs in every (account, region) unit, after the ones registered before it
 * in {@link CollectorRegistry}, on the unit's thread. It records exactly one coverage record per
 * declared kind in {@code reads} (normally through {@link Reads#kind}) and puts what it read into
 * the region's inventory builder.
 */
public interface RegionCollector {
  /** The regional kinds it reads (none of them {@code global()}), with their read operations. */
  List<KindReads> reads();

  void collect(Clients clients, Reads reads, RegionInventory.Builder into);

  /** A collector from its declaration and a body, typically a method reference. */
  static RegionCollector of(List<KindReads> reads, Body body) {
    List<KindReads> declared = List.copyOf(reads);
    return new RegionCollector() {
      @Override
      public List<KindReads> reads() {
        return declared;
      }

      @Override
      public void collect(Clients clients, Reads r, RegionInventory.Builder into) {
        body.collect(clients, r, into);
      }
    };
  }

  /** The reading part of a {@link RegionCollector}. */
  @FunctionalInterface
  interface Body {
    void collect(Clients clients, Reads reads, RegionInventory.Builder into);
  }
}
