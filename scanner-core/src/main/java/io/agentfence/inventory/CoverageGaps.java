package io.agentfence.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one place that fans a failure out into coverage gaps: a failure that stopped a whole account
 * or region from being read becomes one gap per resource kind that was not read, so each (account,
 * region, kind) still has its record (fail-closed: never silently absent). The kinds come from
 * {@link ResourceKind} itself, so a kind added there is covered by every gap without a change here.
 */
public final class CoverageGaps {
  /**
   * Region of a gap that stands for every region of the account: its regions were never listed
   * (the account was not entered, or DescribeRegions failed) and no {@code --region} named them.
   */
  public static final String ALL_REGIONS = "*";

  private CoverageGaps() {}

  /**
   * Why a scope was not read.
   *
   * @param operation the API operation that failed, when one did (absent for our own failures)
   */
  public record Cause(CoverageStatus status, Optional<String> operation, String errorCode, String message) {
    public Cause {
      if (status == null || status == CoverageStatus.READ) {
        throw new IllegalArgumentException("a gap needs a status other than READ");
      }
      operation = operation == null ? Optional.empty() : operation;
    }

    public static Cause of(CoverageStatus status, String operation, String errorCode, String message) {
      return new Cause(status, Optional.of(operation), errorCode, message);
    }

    /** A failure of agentfence itself (cancelled, internal error), with no AWS operation to name. */
    public static Cause internal(String errorCode, String message) {
      return new Cause(CoverageStatus.ERROR, Optional.empty(), errorCode, message);
    }
  }

  /** The account as a whole: every per-account kind, and every regional kind in each region. */
  public static List<CoverageRecord> account(String accountId, List<String> regions, Cause cause) {
    List<CoverageRecord> out = new ArrayList<>(global(accountId, cause));
    out.addAll(regions(accountId, regions, cause));
    return out;
  }

  /** Every per-account (global) kind of the account, e.g. IAM. */
  public static List<CoverageRecord> global(String accountId, Cause cause) {
    return kinds(false).stream().map(k -> record(accountId, CoverageRecord.GLOBAL, k, cause)).toList();
  }

  /**
   * Every regional kind in each of {@code regions}; when the list is empty (all regions were wanted
   * but none could be listed), in {@link #ALL_REGIONS}.
   */
  public static List<CoverageRecord> regions(String accountId, List<String> regions, Cause cause) {
    List<CoverageRecord> out = new ArrayList<>();
    for (String r : regions.isEmpty() ? List.of(ALL_REGIONS) : regions) {
      out.addAll(region(accountId, r, cause));
    }
    return out;
  }

  /** Every regional kind in one region. */
  public static List<CoverageRecord> region(String accountId, String region, Cause cause) {
    return kinds(true).stream().map(k -> record(accountId, region, k, cause)).toList();
  }

  /** Whether a coverage record's region names a real region (not global, not all regions). */
  public static boolean namesRegion(CoverageRecord c) {
    return !c.region().equals(CoverageRecord.GLOBAL) && !c.region().equals(ALL_REGIONS);
  }

  private static List<ResourceKind> kinds(boolean regional) {
    return Arrays.stream(ResourceKind.values())
        .filter(k -> regional ? !k.global() : k.perAccount()).toList();
  }

  private static CoverageRecord record(String accountId, String region, ResourceKind kind, Cause cause) {
    return new CoverageRecord(accountId, region, kind, cause.status(), cause.operation(),
        Optional.ofNullable(cause.errorCode()), Optional.ofNullable(cause.message()));
  }
}
