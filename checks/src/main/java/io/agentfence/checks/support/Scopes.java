package io.agentfence.checks.support;

import io.agentfence.baseline.LandingZone;
import io.agentfence.check.CheckContext;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.ResourceKind;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Units of collection (account, region) and whether a kind was read there. A scope the collector
 * never recorded is unread: fail closed.
 */
public final class Scopes {
  private Scopes() {}

  /** An (account, region) pair; region is {@link CoverageRecord#GLOBAL} for IAM/Organizations. */
  public record Scope(String accountId, String region) implements Comparable<Scope> {
    private static final Comparator<Scope> ORDER =
        Comparator.comparing(Scope::accountId).thenComparing(Scope::region);

    public boolean global() {
      return CoverageRecord.GLOBAL.equals(region);
    }

    @Override
    public int compareTo(Scope o) {
      return ORDER.compare(this, o);
    }
  }

  /** Whether the collection was asked to cover this account and region (empty lists: everything). */
  public static boolean requested(CheckContext ctx, String accountId, String region) {
    var c = ctx.snapshot().collection();
    boolean acct = c.requestedAccounts().isEmpty() || c.requestedAccounts().contains(accountId);
    boolean reg = CoverageRecord.GLOBAL.equals(region) || c.requestedRegions().isEmpty()
        || c.requestedRegions().contains(region);
    return acct && reg;
  }

  /**
   * Every regional scope that is in play: where coverage was recorded, where resources were
   * read, and every landing-zone (account, region) the scan was asked to cover.
   */
  public static List<Scope> regional(CheckContext ctx) {
    TreeSet<Scope> out = new TreeSet<>();
    for (CoverageRecord r : ctx.snapshot().coverage()) {
      if (!r.kind().global()) {
        out.add(new Scope(r.accountId(), r.region()));
      }
    }
    for (AccountInventory a : ctx.snapshot().accounts()) {
      for (RegionInventory r : a.regions()) {
        out.add(new Scope(a.account().id(), r.region()));
      }
    }
    for (LandingZone z : ctx.baseline().landingZones()) {
      for (String a : z.accounts()) {
        for (String r : z.regions()) {
          if (requested(ctx, a, r)) {
            out.add(new Scope(a, r));
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Why {@code kind} in this scope cannot be trusted, or empty when it was read completely.
   * E.g. {@code ROUTE_TABLES in 222222222222/us-east-1 not read: DENIED (AccessDenied)}.
   */
  public static Optional<String> unread(CheckContext ctx, String accountId, String region, ResourceKind kind) {
    String where = kind + " in " + accountId + "/" + (kind.global() ? CoverageRecord.GLOBAL : region);
    Optional<CoverageRecord> rec = ctx.coverage().record(accountId, region, kind);
    if (rec.isEmpty()) {
      return Optional.of(where + " not read: no coverage record (never attempted)");
    }
    CoverageRecord r = rec.get();
    if (r.status().isComplete()) {
      return Optional.empty();
    }
    return Optional.of(where + " not read: " + describe(r));
  }

  /** {@code DENIED (AccessDenied on DescribeRouteTables: message)}. */
  public static String describe(CoverageRecord r) {
    if (r.status() == CoverageStatus.READ) {
      return "READ";
    }
    String detail = r.errorCode().orElse("");
    if (r.operation().isPresent()) {
      detail = detail.isEmpty() ? "on " + r.operation().get() : detail + " on " + r.operation().get();
    }
    if (r.message().isPresent()) {
      detail = detail.isEmpty() ? r.message().get() : detail + ": " + r.message().get();
    }
    return detail.isEmpty() ? r.status().name() : r.status().name() + " (" + detail + ")";
  }

}
