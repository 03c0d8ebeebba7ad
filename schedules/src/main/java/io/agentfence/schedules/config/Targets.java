package io.agentfence.schedules.config;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/**
 * What a scheduled scan reads: the same options as a live {@code agentfence scan}.
 *
 * @param accounts        explicit account ids; with {@code org} they narrow the organization's
 *                        accounts (like {@code scan --org --account})
 * @param org             discover accounts through AWS Organizations
 * @param regions         regions to read; empty means every enabled region
 * @param role            role name assumed in each account
 * @param excludeAccounts accounts never read
 * @param includeOus      with {@code org}: only accounts under these OUs (or roots)
 * @param excludeOus      with {@code org}: skip accounts under these OUs
 * @param externalId      external id required by the member role's trust policy
 * @param profile         AWS profile of the scanning credentials (default: the default chain)
 * @param rate            requests per second per account and API operation
 * @param concurrency     API calls in flight at the same time within one part
 * @param cold            read everything every run; by default a run reuses the immutable records
 *                        (runtime versions, browser and code interpreter configurations) of the
 *                        schedule's previous finished run (a warm scan)
 */
public record Targets(List<String> accounts, boolean org, List<String> regions, Optional<String> role,
    List<String> excludeAccounts, List<String> includeOus, List<String> excludeOus, Optional<String> externalId,
    Optional<String> profile, double rate, int concurrency, boolean cold) {
  public static final double DEFAULT_RATE = 5;
  public static final int DEFAULT_CONCURRENCY = 4;

  public Targets {
    accounts = Values.list(accounts);
    regions = Values.list(regions);
    role = Values.opt(role);
    excludeAccounts = Values.list(excludeAccounts);
    includeOus = Values.list(includeOus);
    excludeOus = Values.list(excludeOus);
    externalId = Values.opt(externalId);
    profile = Values.opt(profile);
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be positive");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
  }

  /** Targets of a warm schedule (the default). */
  public Targets(List<String> accounts, boolean org, List<String> regions, Optional<String> role,
      List<String> excludeAccounts, List<String> includeOus, List<String> excludeOus, Optional<String> externalId,
      Optional<String> profile, double rate, int concurrency) {
    this(accounts, org, regions, role, excludeAccounts, includeOus, excludeOus, externalId, profile, rate,
        concurrency, false);
  }

  /** Targets without filters, external id or profile, at the default rate and concurrency. */
  public Targets(List<String> accounts, boolean org, List<String> regions, Optional<String> role) {
    this(accounts, org, regions, role, List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
        DEFAULT_RATE, DEFAULT_CONCURRENCY);
  }

  /** A stable description of the scope: drift only compares runs with the same scope. */
  public String scopeKey() {
    String key = "accounts=" + sorted(accounts) + ";org=" + org + ";regions=" + sorted(regions);
    // filters only appear when set, so the keys of runs stored before they existed stay the same
    if (!excludeAccounts.isEmpty()) {
      key += ";excludeAccounts=" + sorted(excludeAccounts);
    }
    if (!includeOus.isEmpty()) {
      key += ";includeOus=" + sorted(includeOus);
    }
    if (!excludeOus.isEmpty()) {
      key += ";excludeOus=" + sorted(excludeOus);
    }
    return key;
  }

  private static String sorted(List<String> values) {
    return String.join(",", values.stream().sorted().toList());
  }
}
