package io.agentfence.engine;

import io.agentfence.collect.ReadFailure;
import io.agentfence.collect.ReadOperation;
import io.agentfence.collect.ScanCancelledException;
import io.agentfence.inventory.CoverageGaps;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.target.AccountAccess;
import io.agentfence.target.RegionDiscovery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Enters one account and plans its units: credentials (the caller's own, or AssumeRole), the
 * regions to read (DescribeRegions), then one unit per enabled region and one for the account's
 * global services, queued ahead of other accounts' entries. Whatever stops the account or one of
 * its regions here becomes the gaps of what was not read.
 */
final class AccountScan {
  private final ScanRun run;
  private final AccountState state;

  AccountScan(ScanRun run, AccountState state) {
    this.run = run;
    this.state = state;
  }

  void enter() {
    String id = state.account.id();
    AwsCredentialsProvider creds;
    try {
      creds = AccountAccess.forAccount(run::assumeRoleSts, run.caller, run.base, run.spec, id);
      if (creds != run.base) {
        run.provider(creds);
      }
      creds.resolveCredentials();
    } catch (ScanCancelledException c) {
      throw c;
    } catch (RuntimeException e) {
      state.givenUp(CoverageGaps.account(id, run.spec.regions(), notEntered(e)));
      run.accountDone();
      return;
    }
    List<String> regions = new ArrayList<>();
    List<CoverageRecord> gaps = new ArrayList<>();
    try {
      Map<String, Boolean> known = regionsOf(id, creds);
      List<String> wanted = run.spec.regions().isEmpty() ? new ArrayList<>(known.keySet()) : run.spec.regions();
      for (String r : wanted) {
        Boolean enabled = known.get(r);
        if (Boolean.TRUE.equals(enabled)) {
          regions.add(r);
        } else {
          gaps.addAll(CoverageGaps.region(id, r, enabled == null
              ? CoverageGaps.Cause.of(CoverageStatus.ERROR, "DescribeRegions", "UnknownRegion",
                  "DescribeRegions does not list " + r + " for this account")
              : CoverageGaps.Cause.of(CoverageStatus.REGION_DISABLED, "DescribeRegions", "OptInRequired",
                  r + " is not enabled (opted in) for this account")));
        }
      }
    } catch (ReadFailure f) {
      gaps.addAll(CoverageGaps.regions(id, run.spec.regions(),
          CoverageGaps.Cause.of(f.status(), f.operation().operation(), f.errorCode(), f.getMessage())));
    }
    state.planned(gaps, regions);
    run.unitsPlanned(regions.size() + 1);
    Units units = new Units(run, state, creds);
    run.queue.submit(ScanQueue.Step.READ_UNIT, units::account);
    for (String r : regions) {
      run.queue.submit(ScanQueue.Step.READ_UNIT, () -> units.region(r));
    }
  }

  /** Why the account's credentials could not be had: AssumeRole failed, or no --role-name for it. */
  private static CoverageGaps.Cause notEntered(RuntimeException e) {
    // No --role-name for another account: nothing was tried, the role is simply unknown.
    boolean noRole = e instanceof IllegalArgumentException;
    ReadFailure f = noRole ? ReadFailure.malformed(ReadOperation.STS_ASSUME_ROLE, e.getMessage())
        : ReadFailure.of(ReadOperation.STS_ASSUME_ROLE, e);
    CoverageStatus status = f.status() == CoverageStatus.THROTTLED_OUT
        ? CoverageStatus.THROTTLED_OUT : CoverageStatus.ROLE_NOT_ASSUMABLE;
    return CoverageGaps.Cause.of(status, "AssumeRole", noRole ? "NoRoleName" : f.errorCode(), f.getMessage());
  }

  /** DescribeRegions for the account; the caller's own account reuses the setup check's answer. */
  private Map<String, Boolean> regionsOf(String id, AwsCredentialsProvider creds) {
    if (id.equals(run.caller.accountId()) && run.callerRegions.isPresent()) {
      return run.callerRegions.get();
    }
    try (var ec2 = run.clients.ec2(id, creds, run.spec.homeRegion())) {
      return RegionDiscovery.regions(ec2);
    }
  }
}
