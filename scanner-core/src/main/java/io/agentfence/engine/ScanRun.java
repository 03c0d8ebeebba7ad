package io.agentfence.engine;

import io.agentfence.collect.CollectorRegistry;
import io.agentfence.collect.ReusableReads;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.target.Caller;
import io.agentfence.target.OrganizationWalk;
import io.agentfence.target.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One scan run: the accounts started so far with their state, the clients and credentials they
 * share, and the progress. Accounts are {@link #start started} (also while the organization is
 * still being walked), then the caller waits on the queue, then {@link #seal()}s and reads the
 * results, then {@link #close()}s.
 */
final class ScanRun implements OrganizationWalk.Sink, AutoCloseable {
  final TargetSpec spec;
  final ClientFactory clients;
  final Caller caller;
  /** The caller's credentials. */
  final AwsCredentialsProvider base;
  /** The caller's DescribeRegions answer when the setup check already read it. */
  final Optional<Map<String, Boolean>> callerRegions;
  final CollectorRegistry collectors;
  /** What a warm scan's units may reuse instead of reading ({@link ReusableReads#none()} when cold). */
  final ReusableReads reuse;
  final ScanQueue queue;
  /** Coverage that belongs to no account's scan (the organization walk's). */
  final ConcurrentLinkedQueue<CoverageRecord> coverage = new ConcurrentLinkedQueue<>();
  private final Map<String, AccountState> states = new ConcurrentHashMap<>();
  private final ScanProgress.Listener listener;
  private final CallMetrics metrics;
  private final AtomicInteger unitsTotal = new AtomicInteger();
  private final AtomicInteger unitsDone = new AtomicInteger();
  private final AtomicInteger accountsDone = new AtomicInteger();
  /** One STS client (the caller's credentials) for every AssumeRole of the run; closed with it. */
  private StsClient assumeRoleSts;
  /** Member-account credential providers, closed with the run. */
  private final ConcurrentLinkedQueue<AwsCredentialsProvider> providers = new ConcurrentLinkedQueue<>();

  ScanRun(TargetSpec spec, ClientFactory clients, Caller caller, AwsCredentialsProvider base,
      Optional<Map<String, Boolean>> callerRegions, CollectorRegistry collectors, ReusableReads reuse,
      ScanQueue queue, ScanProgress.Listener listener, CallMetrics metrics) {
    this.spec = spec;
    this.clients = clients;
    this.caller = caller;
    this.base = base;
    this.callerRegions = callerRegions;
    this.collectors = collectors;
    this.reuse = reuse;
    this.queue = queue;
    this.listener = listener;
    this.metrics = metrics;
  }

  /** Plans the account and queues its entry; an account already started is not read twice. */
  @Override
  public void start(Account a) {
    AccountState s = new AccountState(a);
    if (states.putIfAbsent(a.id(), s) == null) {
      queue.submit(ScanQueue.Step.ENTER_ACCOUNT, () -> new AccountScan(this, s).enter());
    }
  }

  @Override
  public void placed(Account a) {
    AccountState s = states.get(a.id());
    if (s != null) {
      s.account = a;
    }
  }

  synchronized StsClient assumeRoleSts() {
    if (assumeRoleSts == null) {
      assumeRoleSts = clients.sts(caller.accountId(), base, spec.homeRegion());
    }
    return assumeRoleSts;
  }

  /** Keeps a member account's credential provider, to close it with the run. */
  void provider(AwsCredentialsProvider p) {
    providers.add(p);
  }

  void unitsPlanned(int n) {
    unitsTotal.addAndGet(n);
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

  private void report() {
    listener.update(new ScanProgress(states.size(), accountsDone.get(), unitsTotal.get(), unitsDone.get(),
        metrics.calls(), metrics.retries(), metrics.throttles()));
  }

  /** Drops the results of units still running from now on (see {@link AccountState#seal()}). */
  void seal() {
    states.values().forEach(AccountState::seal);
  }

  List<AccountInventory> accountInventories() {
    List<AccountInventory> out = new ArrayList<>();
    states.values().forEach(s -> s.inventory().ifPresent(out::add));
    return out;
  }

  /** Everything recorded, plus a gap for every scope that was planned but never finished. */
  List<CoverageRecord> finalCoverage() {
    List<CoverageRecord> out = new ArrayList<>(coverage);
    states.values().forEach(s -> out.addAll(s.coverage(spec.regions())));
    return out;
  }

  /** Releases the run's workers, STS client and credential providers; the HTTP client belongs to the factory. */
  @Override
  public void close() {
    queue.close();
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
}
