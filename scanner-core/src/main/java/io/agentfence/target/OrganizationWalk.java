package io.agentfence.target;

import io.agentfence.collect.OrganizationCollector;
import io.agentfence.collect.ReadFailure;
import io.agentfence.collect.Reads;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.CoverageGaps;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.OrganizationInventory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Selects the accounts of an organization-wide scan: walks the organization with Organizations and
 * applies the spec's filters (ACTIVE, account ids, OUs). Each selected account goes to a
 * {@link Sink} as soon as that is known: right after ListAccounts when no OU filter is set (its OU
 * path follows with its ListParents), after its ListParents otherwise, so that the account scans
 * overlap the walk.
 *
 * <p>An account whose ListParents failed is still scanned when no OU filter is set; under an OU
 * filter nobody can tell whether it is selected, so it is not read and gets gaps saying so
 * (fail-closed: never silently left out).
 */
public final class OrganizationWalk {
  private OrganizationWalk() {}

  /**
   * What Organizations tells about the target organization, without reading any account.
   *
   * @param accounts the accounts selected by the spec's filters, in the order listed
   * @param coverage the coverage of the Organizations reads, plus the gaps of the accounts an OU
   *                 filter could not decide on
   */
  public record Result(Optional<OrganizationInventory> inventory, List<Account> accounts,
      List<CoverageRecord> coverage) {
    public Result {
      inventory = inventory == null ? Optional.empty() : inventory;
      accounts = List.copyOf(accounts);
      coverage = List.copyOf(coverage);
    }
  }

  /** Where the walk sends the accounts it selects (called on the walking thread). */
  public interface Sink {
    /** The account is selected: read it (its OU path may still be unknown). */
    default void start(Account account) {}

    /** A started account's OU path is now known. */
    default void placed(Account account) {}
  }

  /**
   * @param client        Organizations with the caller's credentials (management or delegated admin)
   * @param callerAccount the account the Organizations coverage is recorded against
   */
  public static Result walk(OrganizationsClient client, String callerAccount, TargetSpec spec, Sink sink) {
    boolean ouFilter = !spec.includeOus().isEmpty() || !spec.excludeOus().isEmpty();
    Predicate<Account> byState = a -> TargetSpec.scannable(a) && spec.idSelected(a.id());
    Set<String> unplaced = new HashSet<>();
    List<CoverageRecord> undetermined = new ArrayList<>();
    Reads orgReads = new Reads(callerAccount, CoverageRecord.GLOBAL);
    OrganizationCollector.Result res = OrganizationCollector.collect(client, orgReads, byState,
        new OrganizationCollector.Listener() {
          @Override
          public void listed(List<Account> accounts) {
            if (!ouFilter) {
              accounts.stream().filter(byState).forEach(sink::start);
            }
          }

          @Override
          public void placed(Account a) {
            if (!ouFilter) {
              sink.placed(a);
            } else if (spec.ouSelected(a)) {
              sink.start(a);
            }
          }

          @Override
          public void unplaced(Account a, ReadFailure f) {
            unplaced.add(a.id());
            if (ouFilter) {
              undetermined.addAll(undetermined(spec, a.id(), f));
            }
          }
        });
    List<Account> accounts = res.accounts().stream().filter(byState)
        .filter(a -> !ouFilter || (!unplaced.contains(a.id()) && spec.ouSelected(a))).toList();
    List<CoverageRecord> coverage = new ArrayList<>(orgReads.coverage());
    coverage.addAll(undetermined);
    return new Result(res.organization(), accounts, coverage);
  }

  /** Gaps for an account that an OU filter may or may not select: its ListParents failed. */
  private static List<CoverageRecord> undetermined(TargetSpec spec, String accountId, ReadFailure f) {
    String msg = "not scanned: an OU filter is set and this account's OU path is unknown (ListParents failed: "
        + f.getMessage() + ")";
    return CoverageGaps.account(accountId, spec.regions(),
        CoverageGaps.Cause.of(f.status(), f.operation().operation(), f.errorCode(), msg));
  }
}
