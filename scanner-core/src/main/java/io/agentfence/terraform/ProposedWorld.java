package io.agentfence.terraform;

import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The world a plan proposes: a base inventory (a snapshot, the live scan, or nothing) with the
 * plan's creates, updates and deletes applied; and the world before it (the base with the plan's
 * resources as they are now), so the findings the plan introduces and fixes can be told apart.
 * The same catalogue checks both, as it checks any snapshot.
 *
 * @param before   the base with the plan's resources as they exist before apply
 * @param after    the base with the plan applied
 * @param index    finds the planned resource (and its {@code .tf} line) a finding is about
 * @param planned  every resource of the plan that entered the model
 * @param ignored  every managed resource that did not, with the reason
 */
public record ProposedWorld(
    TerraformPlan plan,
    Snapshot before,
    Snapshot after,
    PlanIndex index,
    List<PlannedResource> planned,
    List<IgnoredResource> ignored) {

  /**
   * @param account        {@code --account}: the account of every planned resource, when given
   * @param rootModule     the directory of the Terraform root module ({@code --terraform-root})
   * @param repositoryRoot the directory SARIF paths are relative to (the checkout)
   */
  public record Options(Optional<String> account, Path rootModule, Path repositoryRoot) {
    public Options {
      account = account == null ? Optional.empty() : account;
    }
  }

  public static ProposedWorld of(TerraformPlan plan, Snapshot base, Options options) {
    Resolver resolver = new Resolver(plan);
    PlanScope scope = new PlanScope(resolver, options.account());
    SourceLocator locator = new SourceLocator(resolver.config(), options.rootModule(), options.repositoryRoot());
    PlanIndex index = new PlanIndex();
    List<PlannedResource> planned = new ArrayList<>();
    List<IgnoredResource> ignored = new ArrayList<>();
    Set<String> accounts = new LinkedHashSet<>();
    Set<String> regions = new LinkedHashSet<>();

    World before = new World(base);
    World after = new World(base);
    for (int phase = 0; phase < 2; phase++) {
      for (ResourceChange rc : plan.resourceChanges()) {
        if (!rc.managed()) {
          continue;
        }
        if (!PlanMapper.modelled(rc.type())) {
          if (phase == 0) {
            ignored.add(new IgnoredResource(rc.address(), rc.type(), rc.action(), PlanMapper.ignoredReason(rc.type())));
          }
          continue;
        }
        Optional<Function<Apply, Optional<String>>> mapping = PlanMapper.mapping(rc.type(), phase);
        if (mapping.isEmpty()) {
          continue;
        }
        if (rc.existsBefore()) {
          apply(mapping.get(), new View(rc, Side.BEFORE, resolver), scope, before, false);
        }
        List<Apply> done = new ArrayList<>();
        if (rc.actions().contains("forget")) {
          // Forgotten: Terraform stops managing it, the resource itself stays as it is.
          done.add(apply(mapping.get(), new View(rc, Side.BEFORE, resolver), scope, after, false));
        }
        if (rc.existsBefore() && !rc.actions().contains("forget") && (!rc.existsAfter() || rc.action().equals("replace"))) {
          done.add(apply(mapping.get(), new View(rc, Side.BEFORE, resolver), scope, after, true));
        }
        if (rc.existsAfter()) {
          done.add(apply(mapping.get(), new View(rc, Side.AFTER, resolver), scope, after, false));
        }
        Optional<String> failed = done.stream().map(a -> a.failure).flatMap(Optional::stream).findFirst();
        if (failed.isPresent()) {
          ignored.add(new IgnoredResource(rc.address(), rc.type(), rc.action(), failed.get()));
          continue;
        }
        PlannedResource p = new PlannedResource(rc.address(), rc.type(), rc.action(), locator.locate(rc));
        planned.add(p);
        Set<String> unresolved = new LinkedHashSet<>();
        List<String> keys = new ArrayList<>();
        for (Apply a : done) {
          unresolved.addAll(a.opaque);
          keys.addAll(a.keys);
          accounts.add(a.account);
          regions.add(a.region);
        }
        index.put(keys, new PlanIndex.Entry(p, Set.copyOf(unresolved)));
      }
    }
    CollectionInfo bc = base.collection();
    boolean planOnly = base.accounts().isEmpty() && base.coverage().isEmpty();
    List<String> reqAccounts = planOnly ? List.copyOf(accounts) : union(bc.requestedAccounts(), accounts);
    List<String> reqRegions = planOnly ? List.copyOf(regions) : union(bc.requestedRegions(), regions);
    String source = "terraform-plan:" + plan.source() + (planOnly ? "" : " over " + bc.source());
    CollectionInfo info = new CollectionInfo(bc.tool(), source, bc.startedAt(), bc.finishedAt(), reqAccounts, reqRegions,
        bc.cancelled());
    Snapshot proposed = after.build(info);
    Snapshot current = before.build(info);
    // Both worlds answer for the same scopes: a scope only one of them holds resources in must not
    // look like a coverage gap the plan introduces or fixes.
    List<io.agentfence.inventory.CoverageRecord> coverage = new ArrayList<>(proposed.coverage());
    Set<String> seen = new LinkedHashSet<>();
    coverage.forEach(c -> seen.add(c.accountId() + '|' + c.region() + '|' + c.kind()));
    current.coverage().stream().filter(c -> seen.add(c.accountId() + '|' + c.region() + '|' + c.kind()))
        .forEach(coverage::add);
    return new ProposedWorld(plan, withCoverage(current, coverage), withCoverage(proposed, coverage), index,
        List.copyOf(planned), List.copyOf(ignored));
  }

  private static Snapshot withCoverage(Snapshot s, List<io.agentfence.inventory.CoverageRecord> coverage) {
    return new Snapshot(s.formatVersion(), s.collection(), s.organization(), s.accounts(), coverage);
  }

  /** An empty requested list means "everything": adding to it would narrow it. */
  private static List<String> union(List<String> base, Set<String> more) {
    if (base.isEmpty()) {
      return base;
    }
    Set<String> all = new LinkedHashSet<>(base);
    all.addAll(more);
    return List.copyOf(all);
  }

  private static Apply apply(Function<Apply, Optional<String>> mapping, View v, PlanScope scope, World world,
      boolean remove) {
    Apply a = new Apply(v, scope.account(v), scope.region(v), world, remove);
    a.failure = mapping.apply(a);
    return a;
  }
}
