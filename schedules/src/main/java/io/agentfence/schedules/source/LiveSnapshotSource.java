package io.agentfence.schedules.source;

import io.agentfence.collect.Canonical;
import io.agentfence.collect.ReusableReads;
import io.agentfence.engine.ScanEngine;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.CoverageGaps;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.Snapshot;
import io.agentfence.schedules.config.Targets;
import io.agentfence.target.OrganizationWalk;
import io.agentfence.target.TargetSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans AWS with the live {@link ScanEngine}, split for the cluster.
 *
 * <p>With {@code org: true} the plan lists the organization (Organizations, through the engine's
 * own target code) and makes one part per selected account plus an {@value #ORGANIZATION_PART}
 * part. The account parts read their account only; the organization part reads the OU tree and
 * SCPs once and names the planned accounts (name, state, OU path), so the merged snapshot carries
 * the organization exactly once and every account as {@code agentfence collect --org} would.
 *
 * <p>Fail closed: an account part that fails outright (credentials rejected, an engine error)
 * becomes ERROR coverage gaps for that account, never a missing account; a part interrupted by
 * the service's shutdown throws {@link InterruptedException} and stays pending.
 */
public final class LiveSnapshotSource implements SnapshotSource {
  /** Key of the part that reads the organization; its {@code accounts} are the planned accounts. */
  public static final String ORGANIZATION_PART = "organization";
  private static final Logger LOG = LoggerFactory.getLogger(LiveSnapshotSource.class);

  /** How a schedule reaches AWS: credentials, endpoint and rate budget for its targets. */
  public interface Access {
    /**
     * A new engine for one plan or part (engines keep per-scan metrics and cancellation) that reuses
     * the immutable records of {@code reuse} ({@link ReusableReads#none()} for a cold read).
     */
    ScanEngine engine(Targets targets, ReusableReads reuse);

    /** Region for STS and DescribeRegions when the targets name no region. */
    String homeRegion(Targets targets);
  }

  private final Access access;

  public LiveSnapshotSource(Access access) {
    this.access = access;
  }

  @Override
  public List<ScanPart> plan(Targets targets) {
    if (!targets.org()) {
      return SnapshotSource.super.plan(targets).stream()
          .filter(p -> p.accounts().stream().noneMatch(targets.excludeAccounts()::contains))
          .toList();
    }
    OrganizationWalk.Result org = access.engine(targets, ReusableReads.none()).organization(spec(targets, "plan"));
    List<String> ids = org.accounts().stream().map(Account::id).distinct().toList();
    List<ScanPart> parts = new ArrayList<>();
    parts.add(new ScanPart(ORGANIZATION_PART, ids, targets));
    ids.forEach(id -> parts.add(new ScanPart(id, List.of(id), targets)));
    LOG.info("organization {}: {} account(s) to scan", org.inventory().map(o -> o.id()).orElse("(unreadable)"),
        ids.size());
    return parts;
  }

  @Override
  public Snapshot collect(ScanPart part) throws InterruptedException {
    return collect(part, ReusableReads.none());
  }

  @Override
  public Snapshot collect(ScanPart part, ReusableReads reuse) throws InterruptedException {
    Targets targets = part.targets();
    TargetSpec spec = spec(targets, "run" + part.runId());
    ScanEngine engine = access.engine(targets, reuse);
    Snapshot s;
    if (part.key().equals(ORGANIZATION_PART)) {
      s = organization(engine, spec, part);
    } else if (part.accounts().isEmpty()) {
      s = engine.scan(spec, "live"); // the credentials' own account: nothing to attribute a failure to
    } else {
      try {
        s = engine.scanAccounts(spec, part.accounts().stream().map(Account::of).toList(), "live");
      } catch (RuntimeException e) {
        LOG.warn("run {}: part {} could not be read: {}", part.runId(), part.key(), e.getMessage());
        s = unread(part, spec, e);
      }
    }
    if (Thread.currentThread().isInterrupted() || s.collection().cancelled()) {
      throw new InterruptedException("part " + part.key() + " interrupted");
    }
    LOG.info("run {}: part {}: {} API calls, {} retries, {} throttled, {} coverage gap(s)", part.runId(), part.key(),
        engine.metrics().calls(), engine.metrics().retries(), engine.metrics().throttles(),
        s.coverage().stream().filter(c -> !c.status().isComplete()).count());
    return s;
  }

  /** The organization, and the planned accounts it still lists with their name and OU path. */
  private static Snapshot organization(ScanEngine engine, TargetSpec spec, ScanPart part) {
    Instant started = Instant.now();
    OrganizationWalk.Result org = engine.organization(spec);
    Set<String> planned = new HashSet<>(part.accounts());
    // Only planned accounts: one listed since the plan has no part, and an entry without its
    // coverage would read as "nothing there". It is scanned next run.
    List<AccountInventory> named = org.accounts().stream().filter(a -> planned.contains(a.id()))
        .map(a -> new AccountInventory(a, null, null)).toList();
    return Canonical.snapshot(Snapshot.of(info(spec, started), org.inventory(), named, org.coverage()));
  }

  /** An account part that failed as a whole: every scope of the account is an ERROR gap. */
  private static Snapshot unread(ScanPart part, TargetSpec spec, RuntimeException e) {
    CoverageGaps.Cause cause = CoverageGaps.Cause.internal(e.getClass().getSimpleName(),
        "the account could not be scanned: " + e.getMessage());
    List<CoverageRecord> gaps = new ArrayList<>();
    part.accounts().forEach(id -> gaps.addAll(CoverageGaps.account(id, spec.regions(), cause)));
    return Snapshot.of(info(spec, Instant.now()), Optional.empty(), List.of(), gaps);
  }

  private static CollectionInfo info(TargetSpec spec, Instant started) {
    return new CollectionInfo("agentfence", "live", Optional.of(started), Optional.of(Instant.now()),
        spec.accounts(), spec.regions(), false);
  }

  /** The engine's targets, as {@code agentfence scan} builds them from the same options. */
  TargetSpec spec(Targets t, String runId) {
    String home = t.regions().isEmpty() ? access.homeRegion(t) : t.regions().get(0);
    return TargetSpec.builder(runId, home).regions(t.regions()).accounts(t.accounts()).org(t.org())
        .excludeAccounts(t.excludeAccounts()).includeOus(t.includeOus()).excludeOus(t.excludeOus())
        .roleName(t.role()).externalId(t.externalId()).build();
  }
}
