package io.agentfence.checks.support;

import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.Browser;
import io.agentfence.inventory.CodeInterpreter;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Enumerates the workloads of a snapshot in a stable order (account, region, kind, listing). */
public final class Workloads {
  private Workloads() {}

  public static List<Workload> all(Snapshot snapshot) {
    List<Workload> out = new ArrayList<>();
    for (AccountInventory a : snapshot.accounts()) {
      for (RegionInventory r : a.regions()) {
        String acct = a.account().id();
        for (AgentRuntime rt : r.runtimes()) {
          out.add(runtime(acct, r, rt));
        }
        for (Browser b : r.browsers()) {
          out.add(new Workload("browser", b.id(), b.arn(), acct, r.region(), Optional.of(b.network()), r));
        }
        for (CodeInterpreter c : r.codeInterpreters()) {
          out.add(new Workload("code-interpreter", c.id(), c.arn(), acct, r.region(), Optional.of(c.network()), r));
        }
      }
    }
    return out;
  }

  public static Workload runtime(String accountId, RegionInventory r, AgentRuntime rt) {
    return new Workload("runtime", rt.id(), rt.arn(), accountId, r.region(), rt.latestNetwork(), r);
  }

  /** Each runtime with where it was found. */
  public static List<Located<AgentRuntime>> runtimes(Snapshot snapshot) {
    List<Located<AgentRuntime>> out = new ArrayList<>();
    for (AccountInventory a : snapshot.accounts()) {
      for (RegionInventory r : a.regions()) {
        for (AgentRuntime rt : r.runtimes()) {
          out.add(new Located<>(a.account().id(), r, rt));
        }
      }
    }
    return out;
  }

  /** A resource and the account and region inventory it was found in. */
  public record Located<T>(String accountId, RegionInventory inventory, T value) {
    public String region() {
      return inventory.region();
    }
  }
}
