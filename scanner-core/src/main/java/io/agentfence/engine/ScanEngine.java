package io.agentfence.engine;

import io.agentfence.collect.Canonical;
import io.agentfence.collect.CollectorRegistry;
import io.agentfence.collect.ReadFailure;
import io.agentfence.collect.ReadOperation;
import io.agentfence.collect.Reads;
import io.agentfence.collect.ReusableReads;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.OrganizationInventory;
import io.agentfence.inventory.Snapshot;
import io.agentfence.target.Caller;
import io.agentfence.target.OrganizationWalk;
import io.agentfence.target.RegionDiscovery;
import io.agentfence.target.TargetSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Runs a scan: resolves targets, then reads every (account, region) as its own unit of work on a
 * bounded pool ({@link ScanQueue}), under the per-account, per-API rate budget. An account is
 * entered by {@link AccountScan}; its units run the collectors of the {@link CollectorRegistry}
 * ({@link Units}). Every scope ends with a coverage record; a scope that was never finished
 * (cancellation, an internal error) gets a gap, never silence. Cancelling ({@link #cancel()})
 * stops the workers and still returns what was read, with {@code CollectionInfo.cancelled = true}.
 */
public final class ScanEngine {
  private final EngineConfig config;
  private final AwsCredentialsProvider base;
  private final ScanProgress.Listener listener;
  private final CollectorRegistry collectors;
  private final ReusableReads reuse;
  private final CallMetrics metrics = new CallMetrics();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile ScanQueue queue;

  public ScanEngine(EngineConfig config, AwsCredentialsProvider base, ScanProgress.Listener listener) {
    this(config, base, listener, CollectorRegistry.standard());
  }

  public ScanEngine(EngineConfig config, AwsCredentialsProvider base, ScanProgress.Listener listener,
      CollectorRegistry collectors) {
    this(config, base, listener, collectors, ReusableReads.none());
  }

  /** A warm scan: immutable records of a previous snapshot ({@link ReusableReads}) are not read again. */
  public ScanEngine(EngineConfig config, AwsCredentialsProvider base, ScanProgress.Listener listener,
      ReusableReads reuse) {
    this(config, base, listener, CollectorRegistry.standard(), reuse);
  }

  public ScanEngine(EngineConfig config, AwsCredentialsProvider base, ScanProgress.Listener listener,
      CollectorRegistry collectors, ReusableReads reuse) {
    this.config = config;
    this.base = base;
    this.listener = listener;
    this.collectors = collectors;
    this.reuse = reuse;
  }

  public CallMetrics metrics() {
    return metrics;
  }

  /** Stops the scan; {@link #scan} returns what was read so far, marked cancelled. Thread-safe. */
  public void cancel() {
    cancelled.set(true);
    ScanQueue q = queue;
    if (q != null) {
      q.cancel();
    }
  }

  public Snapshot scan(TargetSpec spec, String source) {
    Instant started = Instant.now();
    try (ClientFactory clients = new ClientFactory(config, metrics)) {
      Caller caller = identify(clients, spec);
      Optional<OrganizationInventory> org = Optional.empty();
      ScanRun run = open(clients, caller, spec);
      try {
        if (spec.org()) {
          // Accounts start while the walk goes on (each as soon as it is known to be selected),
          // so the organization's ListParents calls overlap the account scans.
          OrganizationWalk.Result o = walk(clients, caller, spec, run);
          org = o.inventory();
          run.coverage.addAll(o.coverage());
        } else if (!spec.accounts().isEmpty()) {
          spec.accounts().stream().distinct().filter(spec::idSelected).map(Account::of).forEach(run::start);
        } else {
          run.start(Account.of(caller.accountId()));
        }
        run.queue.await();
      } finally {
        run.close();
      }
      return assemble(run, source, started, org);
    }
  }

  /**
   * Lists the organization as {@code scan} does with {@code spec.org()}, without reading any
   * account: the inventory (OUs, SCPs), the accounts selected by the spec's filters and the
   * coverage of the Organizations reads. Lets a caller split an organization-wide scan into one
   * {@link #scanAccounts} per account (the nightly service).
   */
  public OrganizationWalk.Result organization(TargetSpec spec) {
    try (ClientFactory clients = new ClientFactory(config, metrics)) {
      return walk(clients, identify(clients, spec), spec, new OrganizationWalk.Sink() {});
    }
  }

  /**
   * Reads exactly these accounts (entered through {@code spec.roleName()} unless one is the
   * caller's), as {@code scan} reads each account of its targets; the snapshot has no organization.
   * Accounts known from {@link #organization} keep their name and OU path.
   */
  public Snapshot scanAccounts(TargetSpec spec, List<Account> accounts, String source) {
    Instant started = Instant.now();
    try (ClientFactory clients = new ClientFactory(config, metrics)) {
      Caller caller = identify(clients, spec);
      ScanRun run = open(clients, caller, spec);
      try {
        accounts.forEach(run::start);
        run.queue.await();
      } finally {
        run.close();
      }
      return assemble(run, source, started, Optional.empty());
    }
  }

  private ScanRun open(ClientFactory clients, Caller caller, TargetSpec spec) {
    Optional<Map<String, Boolean>> callerRegions = checkRegionNames(clients, caller, spec);
    ScanQueue q = new ScanQueue(config.concurrency(), cancelled);
    queue = q;
    if (cancelled.get()) {
      q.cancel(); // cancel() came before this queue existed
    }
    return new ScanRun(spec, clients, caller, base, callerRegions, collectors, reuse, q, listener, metrics);
  }

  private OrganizationWalk.Result walk(ClientFactory clients, Caller caller, TargetSpec spec,
      OrganizationWalk.Sink sink) {
    try (var client = clients.organizations(caller.accountId(), base)) {
      return OrganizationWalk.walk(client, caller.accountId(), spec, sink);
    }
  }

  private Snapshot assemble(ScanRun run, String source, Instant started, Optional<OrganizationInventory> org) {
    run.seal();
    Snapshot snapshot = Snapshot.of(
        new CollectionInfo("agentfence", source, Optional.of(started), Optional.of(Instant.now()),
            run.spec.accounts(), run.spec.regions(), cancelled.get()),
        org, run.accountInventories(), run.finalCoverage());
    return Canonical.snapshot(snapshot);
  }

  /**
   * A --region that the partition does not know at all is a typo: refuse it up front (exit 2)
   * rather than scan and report an error gap per account. Skipped when the caller cannot list
   * regions; each account then records the unknown region as an ERROR gap.
   *
   * @return the caller's regions when they were listed here, so the caller's own account does not
   *         send the same DescribeRegions (same credentials, same home region) a second time
   */
  private Optional<Map<String, Boolean>> checkRegionNames(ClientFactory clients, Caller caller, TargetSpec spec) {
    if (spec.regions().isEmpty()) {
      return Optional.empty();
    }
    Map<String, Boolean> known;
    try (var ec2 = clients.ec2(caller.accountId(), base, spec.homeRegion())) {
      known = RegionDiscovery.regions(ec2);
    } catch (ReadFailure cannotList) {
      return Optional.empty();
    }
    for (String r : spec.regions()) {
      if (!known.containsKey(r)) {
        throw new ScanSetupException("unknown region '" + r + "': DescribeRegions does not list it (known: "
            + String.join(", ", known.keySet()) + ")", null);
      }
    }
    return Optional.of(known);
  }

  private Caller identify(ClientFactory clients, TargetSpec spec) {
    try (var sts = clients.sts("caller", base, spec.homeRegion())) {
      var id = Reads.call(ReadOperation.STS_GET_CALLER_IDENTITY, () -> sts.getCallerIdentity(r -> {}));
      return new Caller(id.account(), id.arn());
    } catch (ReadFailure f) {
      throw new ScanSetupException("cannot identify the AWS credentials in use (sts:GetCallerIdentity failed: "
          + f.errorCode() + ": " + brief(f.getMessage()) + "). Configure credentials (AWS_PROFILE, --profile,"
          + " environment variables or an instance role) and try again.", f);
    } catch (RuntimeException e) {
      throw new ScanSetupException("cannot identify the AWS credentials in use: " + brief(e.getMessage())
          + ". Configure credentials (AWS_PROFILE, --profile, environment variables or an instance role).", e);
    }
  }

  /**
   * The SDK's "no credentials" error lists every provider of the chain with its own reason (about
   * 1,600 characters on one line); the user needs its first sentence and our hint.
   */
  static String brief(String message) {
    if (message == null) {
      return "no details";
    }
    int chain = message.indexOf(" AwsCredentialsProviderChain(");
    String m = chain > 0 ? message.substring(0, chain) : message;
    int detail = m.indexOf(" : [");
    if (detail > 0) {
      m = m.substring(0, detail);
    }
    return m.length() <= 300 ? m : m.substring(0, 297) + "...";
  }
}
