package io.agentfence.target;

import io.agentfence.inventory.Account;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to scan.
 *
 * @param regions        explicit regions; empty = every region enabled in each account (DescribeRegions)
 * @param accounts       explicit account ids (entered with AssumeRole); empty with {@code org=false}
 *                       means the account of the credentials in use
 * @param org            list the accounts with Organizations (management / delegated-admin account)
 * @param roleName       member role to assume (required for other accounts)
 * @param externalId     external id for AssumeRole, if the role's trust policy requires one
 * @param runId          identifies this run; the AssumeRole session name is {@code agentfence-<runId>}
 * @param homeRegion     region for STS and DescribeRegions calls
 */
public record TargetSpec(
    List<String> regions,
    List<String> accounts,
    boolean org,
    Set<String> includeAccounts,
    Set<String> excludeAccounts,
    Set<String> includeOus,
    Set<String> excludeOus,
    Optional<String> roleName,
    Optional<String> externalId,
    String runId,
    String homeRegion) {

  public TargetSpec {
    regions = List.copyOf(regions == null ? List.of() : regions);
    accounts = List.copyOf(accounts == null ? List.of() : accounts);
    includeAccounts = Set.copyOf(includeAccounts == null ? Set.of() : includeAccounts);
    excludeAccounts = Set.copyOf(excludeAccounts == null ? Set.of() : excludeAccounts);
    includeOus = Set.copyOf(includeOus == null ? Set.of() : includeOus);
    excludeOus = Set.copyOf(excludeOus == null ? Set.of() : excludeOus);
    roleName = roleName == null ? Optional.empty() : roleName;
    externalId = externalId == null ? Optional.empty() : externalId;
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("runId is required");
    }
    if (homeRegion == null || homeRegion.isBlank()) {
      throw new IllegalArgumentException("homeRegion is required");
    }
  }

  /**
   * A spec built by name, as the command line and the schedule configuration describe targets.
   *
   * @param runId      identifies the run (the AssumeRole session name)
   * @param homeRegion region for STS and DescribeRegions calls
   */
  public static Builder builder(String runId, String homeRegion) {
    return new Builder(runId, homeRegion);
  }

  /** Mutable and single-use; what is not set is empty (no filter, no role). */
  public static final class Builder {
    private final String runId;
    private final String homeRegion;
    private List<String> regions = List.of();
    private List<String> named = List.of();
    private boolean org;
    private final Set<String> includeAccounts = new HashSet<>();
    private Set<String> excludeAccounts = Set.of();
    private Set<String> includeOus = Set.of();
    private Set<String> excludeOus = Set.of();
    private Optional<String> roleName = Optional.empty();
    private Optional<String> externalId = Optional.empty();

    private Builder(String runId, String homeRegion) {
      this.runId = runId;
      this.homeRegion = homeRegion;
    }

    public Builder regions(List<String> v) {
      regions = v;
      return this;
    }

    /**
     * The accounts the user named ({@code --account}, {@code accounts:}): read directly, or with
     * {@link #org} they narrow the organization's accounts (they join the include filter).
     */
    public Builder accounts(List<String> v) {
      named = v;
      return this;
    }

    public Builder org(boolean v) {
      org = v;
      return this;
    }

    public Builder includeAccounts(Collection<String> v) {
      includeAccounts.addAll(v);
      return this;
    }

    public Builder excludeAccounts(Collection<String> v) {
      excludeAccounts = new HashSet<>(v);
      return this;
    }

    public Builder includeOus(Collection<String> v) {
      includeOus = new HashSet<>(v);
      return this;
    }

    public Builder excludeOus(Collection<String> v) {
      excludeOus = new HashSet<>(v);
      return this;
    }

    public Builder roleName(Optional<String> v) {
      roleName = v;
      return this;
    }

    public Builder externalId(Optional<String> v) {
      externalId = v;
      return this;
    }

    public TargetSpec build() {
      Set<String> include = new HashSet<>(includeAccounts);
      if (org) {
        include.addAll(named);
      }
      return new TargetSpec(regions, org ? List.of() : named, org, include, excludeAccounts, includeOus,
          excludeOus, roleName, externalId, runId, homeRegion);
    }
  }

  /** AssumeRole session name: visible in the member accounts' CloudTrail as agentfence. */
  public String sessionName() {
    String s = "agentfence-" + runId.replaceAll("[^\\w+=,.@-]", "-");
    return s.length() > 64 ? s.substring(0, 64) : s;
  }

  /** Organizations account states that are scanned; SUSPENDED, PENDING_CLOSURE, CLOSED are skipped. */
  public static boolean scannable(Account a) {
    return a.status().map(s -> s.equals("ACTIVE")).orElse(true);
  }

  /** Account id filters (--include-account / --exclude-account). */
  public boolean idSelected(String accountId) {
    return (includeAccounts.isEmpty() || includeAccounts.contains(accountId))
        && !excludeAccounts.contains(accountId);
  }

  /** OU filters: an account is in an OU when the OU appears anywhere on its path. */
  public boolean ouSelected(Account a) {
    boolean in = includeOus.isEmpty() || a.ouPath().stream().anyMatch(includeOus::contains);
    boolean out = a.ouPath().stream().anyMatch(excludeOus::contains);
    return in && !out;
  }
}
