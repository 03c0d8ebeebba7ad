package io.agentfence.engine;

import io.agentfence.collect.AgentCoreCollector;
import io.agentfence.collect.Canonical;
import io.agentfence.collect.IamCollector;
import io.agentfence.collect.NetworkCollector;
import io.agentfence.collect.OrganizationCollector;
import io.agentfence.collect.ReadFailure;
import io.agentfence.collect.ReadOperation;
import io.agentfence.collect.Reads;
import io.agentfence.collect.ReusableReads;
import io.agentfence.collect.ScanCancelledException;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.IamInventory;
import io.agentfence.inventory.OrganizationInventory;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.Snapshot;
import io.agentfence.target.AccountAccess;
import io.agentfence.target.Caller;
import io.agentfence.target.RegionDiscovery;
import io.agentfence.target.TargetSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Runs a scan: resolves targets, then reads every (account, region) as its own unit of work on a
 * bounded pool, under the per-account, per-API rate budget. Every scope ends with a coverage
 * record; a scope that was never finished (cancellation, an internal error) gets a gap, never
 * silence. Cancelling ({@link #cancel()}) stops the workers and still returns what was read, with
 * {@code CollectionInfo.cancelled = true}.
 */
public final class ScanEngine {
  /** Kinds read per region; each gets a coverage record per (account, region). */
  public static final Set<ResourceKind> REGIONAL = EnumSet.of(
      ResourceKind.AGENT_RUNTIMES, ResourceKind.BROWSERS, ResourceKind.CODE_INTERPRETERS,
      ResourceKind.VPCS, ResourceKind.SUBNETS, ResourceKind.ROUTE_TABLES, ResourceKind.DHCP_OPTIONS,
      ResourceKind.VPC_ENDPOINTS, ResourceKind.SECURITY_GROUPS, ResourceKind.NETWORK_INTERFACES);
  /**
   * Units in progress per call slot. Three keeps every slot busy while two of three units wait for
   * their budget, as an AgentCore region with more Gets than the burst does at low latency.
   */
  static final int UNITS_PER_SLOT = 3;
  /** Region placeholder when an account's regions could not even be listed. */
  public static final String ALL_REGIONS = "*";

  private final EngineConfig config;
  private final AwsCredentialsProvider base;
  private final ScanProgress.Listener listener;
  private final CallMetrics metrics = new CallMetrics();
  private final ReusableReads reuse;
  private volatile boolean cancelled;
  private volatile ExecutorService pool;

  public ScanEngine(EngineConfig config, AwsCredentialsProvider base, ScanProgress.Listener listener) {
    this(config, base, listener, ReusableReads.none());
  }

  /** A warm scan: immutable records of a previous snapshot ({@link ReusableReads}) are not read again. */
  public ScanEngine(EngineConfig config, AwsCredentialsProvider base, ScanProgress.Listener listener,
      ReusableReads reuse) {
    this.config = config;
    this.base = base;
    this.listener = listener;
    this.reuse = reuse;
  }

  public CallMetrics metrics() {
    return metrics;
  }

  /** Stops the scan; {@link #scan} returns what was read so far, marked cancelled. Thread-safe. */
  public void cancel() {
    cancelled = true;
    ExecutorService p = pool;
    if (p != null) {
      p.shutdownNow();
    }
  }

  public Snapshot scan(TargetSpec spec, String source) {
    Instant started = Instant.now();
    try (ClientFactory clients = new ClientFactory(config, metrics)) {
      Caller caller = identify(clients, spec);
      Optional<Map<String, Boolean>> callerRegions = checkRegionNames(clients, caller, spec);
      Run run = new Run(spec, clients, callerRegions, caller);
      Optional<OrganizationInventory> org = Optional.empty();
      try {
        run.open();
        if (spec.org()) {
          // Accounts start while the walk goes on (each as soon as it is known to be selected),
          // so the organization's ListParents calls overlap the account scans.
          Organization o = listOrganization(clients, caller, spec, run);
          org = o.inventory();
          run.coverage.addAll(o.coverage());
        } else if (!spec.accounts().isEmpty()) {
          spec.accounts().stream().distinct().filter(spec::idSelected).map(Account::of).forEach(run::start);
        } else {
          run.start(Account.of(caller.accountId()));
        }
        run.await();
      } finally {
        run.close();
      }
      return assemble(run, spec, source, started, org);
    }
  }

  /**
   * What Organizations tells about the target organization, without reading any account: the
   * inventory (OUs, SCPs), the accounts selected by the spec's filters (ACTIVE, id and OU filters,
   * in the order listed) and the coverage of the Organizations reads. Lets a caller split an
   * organization-wide scan into one {@link #scanAccounts} per account (the nightly service).
   */
  public record Organization(Optional<OrganizationInventory> inventory, List<Account> accounts,
      List<CoverageRecord> coverage) {
    public Organization {
      inventory = inventory == null ? Optional.empty() : inventory;
      accounts = List.copyOf(accounts);
      coverage = List.copyOf(coverage);
    }
  }

  /** Lists the organization as {@code scan} does with {@code spec.org()}; reads no account. */
  public Organization organization(TargetSpec spec) {
    try (ClientFactory clients = new ClientFactory(config, metrics)) {
      return listOrganization(clients, identify(clients, spec), spec, new AccountSink() {});
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
      Optional<Map<String, Boolean>> callerRegions = checkRegionNames(clients, caller, spec);
      Run run = new Run(spec, clients, callerRegions, caller);
      try {
        run.open();
        accounts.forEach(run::start);
        run.await();
      } finally {
        run.close();
      }
      return assemble(run, spec, source, started, Optional.empty());
    }
  }

  /** Where the organization walk sends the accounts it selects. */
  private interface AccountSink {
    /** The account is selected: read it (its OU path may still be unknown). */
    default void start(Account account) {}

    /** A started account's OU path is now known. */
    default void placed(Account account) {}
  }

  /**
   * Walks the organization and selects its accounts: ACTIVE, id filters, OU filters. Each selected
   * account goes to {@code sink} as soon as that is known: right after ListAccounts when no OU
   * filter is set (its OU path follows with its ListParents), after its ListParents otherwise.
   * An account whose ListParents failed is still scanned when no OU filter is set; under an OU
   * filter nobody can tell whether it is selected, so it is not read and gets gaps saying so
   * (fail-closed: never silently left out).
   */
  private Organization listOrganization(ClientFactory clients, Caller caller, TargetSpec spec, AccountSink sink) {
    boolean ouFilter = !spec.includeOus().isEmpty() || !spec.excludeOus().isEmpty();
    Predicate<Account> byState = a -> TargetSpec.scannable(a) && spec.idSelected(a.id());
    Set<String> unplaced = new HashSet<>();
    List<CoverageRecord> undetermined = new ArrayList<>();
    Reads orgReads = new Reads(caller.accountId(), CoverageRecord.GLOBAL);
    OrganizationCollector.Result res;
    try (var client = clients.organizations(caller.accountId(), base)) {
      res = OrganizationCollector.collect(client, orgReads, byState, new OrganizationCollector.Listener() {
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
    }
    List<Account> accounts = res.accounts().stream().filter(byState)
        .filter(a -> !ouFilter || (!unplaced.contains(a.id()) && spec.ouSelected(a))).toList();
    List<CoverageRecord> coverage = new ArrayList<>(orgReads.coverage());
    coverage.addAll(undetermined);
    return new Organization(res.organization(), accounts, coverage);
  }

  /** Gaps for an account that an OU filter may or may not select: its ListParents failed. */
  private static List<CoverageRecord> undetermined(TargetSpec spec, String accountId, ReadFailure f) {
    String msg = "not scanned: an OU filter is set and this account's OU path is unknown (ListParents failed: "
        + f.getMessage() + ")";
    List<CoverageRecord> out = new ArrayList<>();
    out.add(CoverageRecord.gap(accountId, CoverageRecord.GLOBAL, ResourceKind.IAM, f.status(),
        f.operation().operation(), f.errorCode(), msg));
    List<String> regions = spec.regions().isEmpty() ? List.of(ALL_REGIONS) : spec.regions();
    for (String r : regions) {
      for (ResourceKind k : REGIONAL) {
        out.add(CoverageRecord.gap(accountId, r, k, f.status(), f.operation().operation(), f.errorCode(), msg));
      }
    }
    return out;
  }

  private Snapshot assemble(Run run, TargetSpec spec, String source, Instant started,
      Optional<OrganizationInventory> org) {
    run.seal();
    Snapshot snapshot = Snapshot.of(
        new CollectionInfo("agentfence", source, Optional.of(started), Optional.of(Instant.now()),
            spec.accounts(), spec.regions(), cancelled),
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

  /**
   * State of one scan run: {@link #open}, then {@link #start} each account (also while the
   * organization is still being walked), {@link #await}, {@link #close}.
   */
  private final class Run implements AccountSink {
    final TargetSpec spec;
    final ClientFactory clients;
    /** The caller's DescribeRegions answer when the setup check already read it. */
    final Optional<Map<String, Boolean>> callerRegions;
    final Caller caller;
    final ConcurrentLinkedQueue<CoverageRecord> coverage = new ConcurrentLinkedQueue<>();
    final Map<String, AccountState> states = new ConcurrentHashMap<>();
    final Phaser pending = new Phaser(1);
    final AtomicInteger unitsTotal = new AtomicInteger();
    final AtomicInteger unitsDone = new AtomicInteger();
    final AtomicInteger accountsDone = new AtomicInteger();
    /** One STS client (the caller's credentials) for every AssumeRole of the run; closed with it. */
    private StsClient assumeRoleSts;
    /** Member-account credential providers, closed with the run. */
    final ConcurrentLinkedQueue<AwsCredentialsProvider> providers = new ConcurrentLinkedQueue<>();
    ExecutorService executor;
    /** Queue order within a step kind: first submitted, first run. */
    final AtomicLong sequence = new AtomicLong();

    Run(TargetSpec spec, ClientFactory clients, Optional<Map<String, Boolean>> callerRegions, Caller caller) {
      this.spec = spec;
      this.clients = clients;
      this.callerRegions = callerRegions;
      this.caller = caller;
    }

    void open() {
      // More units than call slots (InFlight): a unit waiting for its rate budget holds no slot,
      // and another unit's calls use it meanwhile. Each unit calls serially, so the calls on the
      // wire never exceed --concurrency either way.
      //
      // Units of accounts already entered run before the next account is entered: an account's
      // first step waits for its AssumeRole (the caller's STS budget, one bucket for the whole
      // organization), and with a FIFO queue every thread sat in those waits while the ready units
      // queued behind them (300 accounts: ~20 s with about one call in flight).
      int threads = config.concurrency() * UNITS_PER_SLOT;
      executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
          new PriorityBlockingQueue<Runnable>(), r -> {
            Thread t = new Thread(r, "agentfence-scan");
            t.setDaemon(true);
            return t;
          });
      pool = executor;
      if (cancelled) {
        executor.shutdownNow();
      }
    }

    /** Plans the account and queues its first step; an account already started is not read twice. */
    @Override
    public void start(Account a) {
      AccountState s = new AccountState(a);
      if (states.putIfAbsent(a.id(), s) == null) {
        submit(Step.ENTER_ACCOUNT, () -> account(s));
      }
    }

    @Override
    public void placed(Account a) {
      AccountState s = states.get(a.id());
      if (s != null) {
        s.account = a;
      }
    }

    /** Waits for every queued step (or the cancellation), then stops the workers. */
    void await() {
      int phase = pending.arrive();
      try {
        while (true) {
          try {
            pending.awaitAdvanceInterruptibly(phase, 200, TimeUnit.MILLISECONDS);
            break;
          } catch (TimeoutException stillRunning) {
            if (cancelled) {
              break;
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelled = true;
      }
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Releases the run's clients; the HTTP client belongs to the factory. */
    void close() {
      if (executor != null) {
        executor.shutdownNow();
      }
      for (AwsCredentialsProvider p : providers) {
        if (p instanceof AutoCloseable) {
          try {
            ((AutoCloseable) p).close();
          } catch (Exception ignored) {
            // nothing to release that matters after the scan
          }
        }
      }
      synchronized (this) {
        if (assumeRoleSts != null) {
          assumeRoleSts.close();
        }
      }
    }

    synchronized StsClient assumeRoleSts() {
      if (assumeRoleSts == null) {
        assumeRoleSts = clients.sts(caller.accountId(), base, spec.homeRegion());
      }
      return assumeRoleSts;
    }

    void submit(Step step, Runnable task) {
      pending.register();
      try {
        executor.execute(new Queued(step, sequence.getAndIncrement(), () -> {
          try {
            if (!cancelled) {
              task.run();
            }
          } catch (ScanCancelledException c) {
            // A read saw the cancellation (any step of any task, DescribeRegions included): the
            // scope stays unfinished and finalCoverage() gives it a "Cancelled" gap. Caught here
            // so it never reaches the pool thread's handler as a stack trace on stderr.
          } finally {
            pending.arriveAndDeregister();
          }
        }));
      } catch (java.util.concurrent.RejectedExecutionException shutDown) {
        pending.arriveAndDeregister();
      }
    }

    void account(AccountState s) {
      String id = s.account.id();
      AwsCredentialsProvider creds;
      try {
        creds = AccountAccess.forAccount(this::assumeRoleSts, caller, base, spec, id);
        if (creds != base) {
          providers.add(creds);
        }
        creds.resolveCredentials();
      } catch (ScanCancelledException c) {
        throw c;
      } catch (RuntimeException e) {
        // No --role-name for another account: nothing was tried, the role is simply unknown.
        ReadFailure f = e instanceof IllegalArgumentException
            ? ReadFailure.malformed(ReadOperation.STS_ASSUME_ROLE, e.getMessage())
            : ReadFailure.of(ReadOperation.STS_ASSUME_ROLE, e);
        String code = e instanceof IllegalArgumentException ? "NoRoleName" : f.errorCode();
        CoverageStatus status = f.status() == CoverageStatus.THROTTLED_OUT
            ? CoverageStatus.THROTTLED_OUT : CoverageStatus.ROLE_NOT_ASSUMABLE;
        List<String> regions = spec.regions().isEmpty() ? List.of(ALL_REGIONS) : spec.regions();
        s.coverage.add(CoverageRecord.gap(id, CoverageRecord.GLOBAL, ResourceKind.IAM, status,
            "AssumeRole", code, f.getMessage()));
        for (String r : regions) {
          for (ResourceKind k : REGIONAL) {
            s.coverage.add(CoverageRecord.gap(id, r, k, status, "AssumeRole", code, f.getMessage()));
          }
        }
        s.settled = true;
        accountDone();
        return;
      }
      List<String> regions = new ArrayList<>();
      try {
        Map<String, Boolean> known = regionsOf(id, creds);
        List<String> wanted = spec.regions().isEmpty() ? new ArrayList<>(known.keySet()) : spec.regions();
        for (String r : wanted) {
          Boolean enabled = known.get(r);
          if (Boolean.TRUE.equals(enabled)) {
            regions.add(r);
          } else {
            CoverageStatus st = enabled == null ? CoverageStatus.ERROR : CoverageStatus.REGION_DISABLED;
            String code = enabled == null ? "UnknownRegion" : "OptInRequired";
            String msg = enabled == null ? "DescribeRegions does not list " + r + " for this account"
                : r + " is not enabled (opted in) for this account";
            for (ResourceKind k : REGIONAL) {
              s.coverage.add(CoverageRecord.gap(id, r, k, st, "DescribeRegions", code, msg));
            }
          }
        }
      } catch (ReadFailure f) {
        List<String> unknown = spec.regions().isEmpty() ? List.of(ALL_REGIONS) : spec.regions();
        for (String r : unknown) {
          for (ResourceKind k : REGIONAL) {
            s.coverage.add(f.record(id, r, k));
          }
        }
      }
      s.plannedRegions.addAll(regions);
      s.remaining.set(regions.size() + 1);
      unitsTotal.addAndGet(regions.size() + 1);
      s.settled = true;
      s.iamPlanned = true;
      submit(Step.READ_UNIT, () -> iam(s, creds));
      for (String r : regions) {
        submit(Step.READ_UNIT, () -> region(s, creds, r));
      }
    }

    /** DescribeRegions for the account; the caller's own account reuses the setup check's answer. */
    private Map<String, Boolean> regionsOf(String id, AwsCredentialsProvider creds) {
      if (id.equals(caller.accountId()) && callerRegions.isPresent()) {
        return callerRegions.get();
      }
      try (var ec2 = clients.ec2(id, creds, spec.homeRegion())) {
        return RegionDiscovery.regions(ec2);
      }
    }

    void iam(AccountState s, AwsCredentialsProvider creds) {
      Reads reads = new Reads(s.account.id(), CoverageRecord.GLOBAL);
      try (var client = clients.iam(s.account.id(), creds)) {
        IamInventory iam = IamCollector.collect(client, reads);
        s.publish(() -> {
          s.iam = iam;
          s.coverage.addAll(reads.coverage());
          s.iamDone = true;
        });
      } catch (ScanCancelledException c) {
        throw c;
      } catch (RuntimeException e) {
        s.errors.put(CoverageRecord.GLOBAL, String.valueOf(e));
      }
      unitDone(s);
    }

    void region(AccountState s, AwsCredentialsProvider creds, String region) {
      String id = s.account.id();
      Reads reads = new Reads(id, region);
      try {
        AgentCoreCollector.Result ac;
        try (var client = clients.agentCore(id, creds, region)) {
          ac = AgentCoreCollector.collect(client, reads, reuse.region(id, region));
        }
        // The network is read even where AgentCore answered "no endpoint here" (unknown host):
        // Java cannot tell a missing host from a DNS fault, and only a working EC2 read in the
        // same region makes "not offered" credible. If EC2 fails too, its gaps keep the scan
        // incomplete instead of a region that silently passes with nothing read.
        NetworkCollector.Result net;
        try (var ec2 = clients.ec2(id, creds, region)) {
          net = NetworkCollector.collect(ec2, reads);
        }
        RegionInventory inventory = RegionInventory.builder(region)
            .runtimes(ac.runtimes()).browsers(ac.browsers()).codeInterpreters(ac.codeInterpreters())
            .vpcs(net.vpcs()).subnets(net.subnets()).routeTables(net.routeTables())
            .dhcpOptions(net.dhcpOptions()).vpcEndpoints(net.vpcEndpoints())
            .securityGroups(net.securityGroups()).networkInterfaces(net.networkInterfaces())
            .build();
        s.publish(() -> {
          s.regions.put(region, inventory);
          s.coverage.addAll(reads.coverage());
          s.doneRegions.add(region);
        });
      } catch (ScanCancelledException c) {
        throw c;
      } catch (RuntimeException e) {
        s.errors.put(region, String.valueOf(e));
      }
      unitDone(s);
    }

    void unitDone(AccountState s) {
      unitsDone.incrementAndGet();
      if (s.remaining.decrementAndGet() == 0) {
        accountDone();
      } else {
        report();
      }
    }

    void accountDone() {
      accountsDone.incrementAndGet();
      report();
    }

    void report() {
      listener.update(new ScanProgress(states.size(), accountsDone.get(), unitsTotal.get(), unitsDone.get(),
          metrics.calls(), metrics.retries(), metrics.throttles()));
    }

    /**
     * The inventory: a region appears only when at least one of its kinds was read, an account only
     * when something of it was read or Organizations named it. Whatever was not read is told by the
     * coverage records alone, never by an empty entry that looks like "no resources".
     */
    List<AccountInventory> accountInventories() {
      List<AccountInventory> out = new ArrayList<>();
      for (AccountState s : states.values()) {
        List<RegionInventory> regions = new ArrayList<>();
        for (RegionInventory r : s.regions.values()) {
          if (s.coverage.stream().anyMatch(c -> c.region().equals(r.region()) && c.status() == CoverageStatus.READ)) {
            regions.add(r);
          }
        }
        boolean iamRead = s.coverage.stream()
            .anyMatch(c -> c.kind() == ResourceKind.IAM && c.status() == CoverageStatus.READ);
        if (regions.isEmpty() && !iamRead && s.account.name().isEmpty()) {
          continue;
        }
        out.add(new AccountInventory(s.account, s.iam, regions));
      }
      return out;
    }

    /**
     * Stops workers from publishing results. start() waits only 10 s for the pool after a cancel;
     * a worker still inside a read could otherwise add its READ records and mark its region done
     * between accountInventories() and finalCoverage(): READ coverage for a region missing from
     * the inventory, i.e. "no resources". After sealing, such a late result is dropped and the
     * scope keeps its "Cancelled" gap.
     */
    void seal() {
      states.values().forEach(AccountState::seal);
    }

    /** Everything recorded, plus a gap for every scope that was planned but never finished. */
    List<CoverageRecord> finalCoverage() {
      List<CoverageRecord> out = new ArrayList<>(coverage);
      for (AccountState s : states.values()) {
        out.addAll(s.coverage);
        String id = s.account.id();
        if (!s.settled) {
          List<String> regions = spec.regions().isEmpty() ? List.of(ALL_REGIONS) : spec.regions();
          out.add(unfinished(id, CoverageRecord.GLOBAL, ResourceKind.IAM, s.errors.get(CoverageRecord.GLOBAL)));
          for (String r : regions) {
            for (ResourceKind k : REGIONAL) {
              out.add(unfinished(id, r, k, null));
            }
          }
          continue;
        }
        if (s.iamPlanned && !s.iamDone) {
          out.add(unfinished(id, CoverageRecord.GLOBAL, ResourceKind.IAM, s.errors.get(CoverageRecord.GLOBAL)));
        }
        for (String r : s.plannedRegions) {
          if (!s.doneRegions.contains(r)) {
            for (ResourceKind k : REGIONAL) {
              out.add(unfinished(id, r, k, s.errors.get(r)));
            }
          }
        }
      }
      return out;
    }

    private CoverageRecord unfinished(String account, String region, ResourceKind kind, String error) {
      if (error != null) {
        return CoverageRecord.gap(account, region, kind, CoverageStatus.ERROR, null, "InternalError", error);
      }
      return CoverageRecord.gap(account, region, kind, CoverageStatus.ERROR, null, "Cancelled",
          "the scan was cancelled before this scope was read");
    }
  }

  private static final class AccountState {
    /** Replaced once when the organization walk learns the OU path after the account started. */
    volatile Account account;
    volatile IamInventory iam = IamInventory.empty();
    volatile boolean iamDone;
    volatile boolean iamPlanned;
    volatile boolean settled;
    private boolean sealed;
    final Map<String, RegionInventory> regions = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<CoverageRecord> coverage = new ConcurrentLinkedQueue<>();
    final Set<String> plannedRegions = ConcurrentHashMap.newKeySet();
    final Set<String> doneRegions = ConcurrentHashMap.newKeySet();
    final Map<String, String> errors = new ConcurrentHashMap<>();
    final AtomicInteger remaining = new AtomicInteger(1);

    AccountState(Account account) {
      this.account = account;
    }

    /** Records a finished unit's results together, unless the scan has already been assembled. */
    synchronized void publish(Runnable results) {
      if (!sealed) {
        results.run();
      }
    }

    synchronized void seal() {
      sealed = true;
    }
  }

  /** What a queued task does; earlier constants run first. */
  private enum Step { READ_UNIT, ENTER_ACCOUNT }

  /** A task of the scan's priority queue: by step, then in submission order. */
  private static final class Queued implements Runnable, Comparable<Queued> {
    private final Step step;
    private final long sequence;
    private final Runnable task;

    Queued(Step step, long sequence, Runnable task) {
      this.step = step;
      this.sequence = sequence;
      this.task = task;
    }

    @Override
    public void run() {
      task.run();
    }

    @Override
    public int compareTo(Queued o) {
      int c = step.compareTo(o.step);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }
}
