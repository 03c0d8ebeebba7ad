package io.agentfence.cli.collect;

import io.agentfence.engine.EngineConfig;
import io.agentfence.target.TargetIds;
import io.agentfence.target.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The target and engine options shared by {@code collect} and live {@code scan}. */
public final class TargetOptions {
  @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile for the scanning credentials (default: the default credential chain).")
  String profile;

  @Option(names = "--region", paramLabel = "REGION", split = ",",
      description = "Region to scan (repeatable). Default: every region enabled in each account (DescribeRegions).")
  List<String> regions = new ArrayList<>();

  @Option(names = "--account", paramLabel = "ID", split = ",",
      description = "Account to scan through --role-name (repeatable). Default: the credentials' own account.")
  List<String> accounts = new ArrayList<>();

  @Option(names = "--org", description = "Scan every ACTIVE account of the organization (run from the management or a delegated-administrator account).")
  boolean org;

  @Option(names = "--include-account", paramLabel = "ID", split = ",", description = "With --org: only these accounts.")
  List<String> includeAccounts = new ArrayList<>();

  @Option(names = "--exclude-account", paramLabel = "ID", split = ",", description = "Skip these accounts.")
  List<String> excludeAccounts = new ArrayList<>();

  @Option(names = "--include-ou", paramLabel = "OU", split = ",", description = "With --org: only accounts under these OUs (or roots).")
  List<String> includeOus = new ArrayList<>();

  @Option(names = "--exclude-ou", paramLabel = "OU", split = ",", description = "With --org: skip accounts under these OUs.")
  List<String> excludeOus = new ArrayList<>();

  @Option(names = "--role-name", paramLabel = "NAME", description = "Role assumed in each member account (session agentfence-<runId>).")
  String roleName;

  @Option(names = "--external-id", paramLabel = "ID", description = "External id required by the member role's trust policy.")
  String externalId;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "5",
      description = "Client-side budget: requests per second per API operation in each account (and region, for EC2 and AgentCore) (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
      description = "API calls in flight at the same time, across all accounts and regions (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--endpoint-url", paramLabel = "URL", hidden = true,
      description = "Send every AWS call to this endpoint (a local AWS-compatible endpoint; like the AWS CLI's --endpoint-url).")
  java.net.URI endpointUrl;

  /** Checks the flags; returns the problem in words, or empty when they are usable. */
  public Optional<String> problem() {
    for (String r : regions) {
      if (!TargetIds.region(r)) {
        return Optional.of("unknown region '" + r + "': expected a region code such as us-east-1");
      }
    }
    for (List<String> ids : List.of(accounts, includeAccounts, excludeAccounts)) {
      for (String a : ids) {
        if (!TargetIds.account(a)) {
          return Optional.of("invalid account id '" + a + "': expected 12 digits");
        }
      }
    }
    for (List<String> ids : List.of(includeOus, excludeOus)) {
      for (String o : ids) {
        if (!TargetIds.ou(o)) {
          return Optional.of("invalid OU id '" + o + "': expected r-xxxx or ou-xxxx-xxxxxxxx");
        }
      }
    }
    if ((!includeOus.isEmpty() || !excludeOus.isEmpty()) && !org) {
      return Optional.of("--include-ou/--exclude-ou need --org (OU paths come from Organizations)");
    }
    if (!accounts.isEmpty() && roleName == null && !org) {
      // The caller's own account could be listed without a role, but others cannot.
      if (accounts.size() > 1) {
        return Optional.of("--account with several accounts needs --role-name");
      }
    }
    if (org && roleName == null) {
      return Optional.of("--org needs --role-name: the role agentfence assumes in each member account");
    }
    if (!(rate > 0)) {
      return Optional.of("--rate must be a positive number");
    }
    if (concurrency < 1) {
      return Optional.of("--concurrency must be at least 1");
    }
    return Optional.empty();
  }

  public TargetSpec spec(String runId, String homeRegion) {
    return TargetSpec.builder(runId, homeRegion).regions(regions).accounts(accounts).org(org)
        .includeAccounts(includeAccounts).excludeAccounts(excludeAccounts)
        .includeOus(includeOus).excludeOus(excludeOus)
        .roleName(Optional.ofNullable(roleName)).externalId(Optional.ofNullable(externalId)).build();
  }

  public EngineConfig engine() {
    EngineConfig config = EngineConfig.defaults().withRate(rate).withConcurrency(concurrency);
    return endpointUrl == null ? config : config.withEndpoint(endpointUrl);
  }

  public Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

  public List<String> regions() {
    return regions;
  }

  public List<String> accounts() {
    return accounts;
  }

  public boolean org() {
    return org;
  }
}
