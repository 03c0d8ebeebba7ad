package io.agentfence.collect;

import io.agentfence.inventory.AccountInventory;
import java.util.List;

/**
 * A collector of a global service the engine runs once per account (IAM; Route 53 and the like),
 * in the account's own unit, with clients for the service's global endpoint. It records exactly one
 * coverage record per declared kind in {@code reads} and puts what it read into the account's
 * inventory builder.
 */
public interface AccountCollector {
  /** The per-account kinds it reads (each {@code perAccount()}), with their read operations. */
  List<KindReads> reads();

  void collect(Clients clients, Reads reads, AccountInventory.Builder into);

  /** A collector from its declaration and a body, typically a method reference. */
  static AccountCollector of(List<KindReads> reads, Body body) {
    List<KindReads> declared = List.copyOf(reads);
    return new AccountCollector() {
      @Override
      public List<KindReads> reads() {
        return declared;
      }

      @Override
      public void collect(Clients clients, Reads r, AccountInventory.Builder into) {
        body.collect(clients, r, into);
      }
    };
  }

  /** The reading part of an {@link AccountCollector}. */
  @FunctionalInterface
  interface Body {
    void collect(Clients clients, Reads reads, AccountInventory.Builder into);
  }
}
