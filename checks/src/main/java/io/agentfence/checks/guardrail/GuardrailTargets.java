package io.agentfence.checks.guardrail;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.LandingZone;
import io.agentfence.check.CheckContext;
import io.agentfence.checks.guardrail.GuardrailActions.ScenarioPrincipal;
import io.agentfence.finding.ResourceRef;
import io.agentfence.iam.Policy;
import io.agentfence.iam.PolicyParseException;
import io.agentfence.iam.PolicyParser;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.ManagedPolicy;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.SecurityGroup;
import io.agentfence.inventory.ServiceControlPolicy;
import io.agentfence.inventory.Subnet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the baseline's guardrail documents in a snapshot (see {@link GuardrailTarget}). */
final class GuardrailTargets {
  private GuardrailTargets() {}

  /** Accounts in scope: those inventoried plus those with an IAM coverage record (maybe unread). */
  static List<Account> accounts(CheckContext ctx) {
    List<Account> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (AccountInventory a : ctx.snapshot().accounts()) {
      if (seen.add(a.account().id())) {
        out.add(a.account());
      }
    }
    for (CoverageRecord r : ctx.snapshot().coverage()) {
      if (r.kind() == ResourceKind.IAM && seen.add(r.accountId())) {
        out.add(Account.of(r.accountId()));
      }
    }
    return out;
  }

  static boolean iamRead(CheckContext ctx, String accountId) {
    return ctx.coverage().isRead(accountId, CoverageRecord.GLOBAL, ResourceKind.IAM)
        && ctx.snapshot().account(accountId).isPresent();
  }

  static String iamGap(CheckContext ctx, String accountId) {
    return ctx.coverage().record(accountId, CoverageRecord.GLOBAL, ResourceKind.IAM)
        .map(r -> "IAM of account " + accountId + " was not read (" + r.status()
            + r.errorCode().map(c -> ", " + c).orElse("") + ")")
        .orElse("IAM of account " + accountId + " was not read (no coverage record)");
  }

  static List<LandingZone> zonesFor(Baseline b, String accountId) {
    List<LandingZone> zones = b.landingZones().stream().filter(z -> z.accounts().contains(accountId)).toList();
    return zones.isEmpty() ? b.landingZones() : zones;
  }

  static List<GuardrailTarget> locate(CheckContext ctx, OrgView org) {
    Baseline b = ctx.baseline();
    List<GuardrailTarget> out = new ArrayList<>();
    for (Account account : accounts(ctx)) {
      List<LandingZone> zones = zonesFor(b, account.id());
      ScenarioPrincipal principal = ScenarioPrincipal.generic(account.id(), region(zones, ctx, account.id()));
      for (String name : b.guardrail().managedPolicies()) {
        if (!iamRead(ctx, account.id())) {
          out.add(target(new ResourceRef("guardrail", name, null, account.id(), "global"), name, false,
              Optional.empty(), Optional.of(iamGap(ctx, account.id())), zones, principal, ctx, List.of(account.id())));
          continue;
        }
        Optional<ManagedPolicy> mp = ctx.snapshot().account(account.id()).orElseThrow().iam().policyByName(name);
        if (mp.isEmpty()) {
          continue; // AF-GRD-001 reports a missing guardrail
        }
        ResourceRef ref = new ResourceRef("guardrail", name, mp.get().arn(), account.id(), "global");
        out.add(parsed(ref, name, false, mp.get().document().json(), zones, principal, ctx, List.of(account.id())));
      }
    }
    List<String> all = accounts(ctx).stream().map(Account::id).toList();
    for (String name : b.guardrail().scps()) {
      String mgmt = org.managementAccount().orElse("");
      String acct = b.landingZones().stream().flatMap(z -> z.accounts().stream()).findFirst()
          .orElse(all.isEmpty() ? "111122223333" : all.get(0));
      ScenarioPrincipal principal = ScenarioPrincipal.generic(acct, region(b.landingZones(), ctx, acct));
      if (!org.read()) {
        out.add(target(new ResourceRef("guardrail", name, null, mgmt, "global"), name, true, Optional.empty(),
            Optional.of("Organizations data was not read, so SCP " + name + " cannot be evaluated"),
            b.landingZones(), principal, ctx, all));
        continue;
      }
      Optional<ServiceControlPolicy> scp = org.scpByName(name);
      if (scp.isEmpty()) {
        continue;
      }
      ResourceRef ref = new ResourceRef("guardrail", name, scp.get().arn(), mgmt, "global");
      out.add(parsed(ref, name, true, scp.get().document().json(), b.landingZones(), principal, ctx, all));
    }
    return out;
  }

  private static GuardrailTarget parsed(ResourceRef ref, String name, boolean scp, String json, List<LandingZone> zones,
      ScenarioPrincipal principal, CheckContext ctx, List<String> accounts) {
    try {
      Policy p = PolicyParser.parse(json, (scp ? "SCP " : "policy ") + name,
          scp ? PolicyParser.Kind.SCP : PolicyParser.Kind.IDENTITY);
      return target(ref, name, scp, Optional.of(p), Optional.empty(), zones, principal, ctx, accounts);
    } catch (PolicyParseException e) {
      return target(ref, name, scp, Optional.empty(), Optional.of("the guardrail document cannot be evaluated: "
          + e.getMessage()), zones, principal, ctx, accounts);
    }
  }

  private static GuardrailTarget target(ResourceRef ref, String name, boolean scp, Optional<Policy> policy,
      Optional<String> unknown, List<LandingZone> zones, ScenarioPrincipal principal, CheckContext ctx,
      List<String> accounts) {
    List<String> subnets = zones.stream().flatMap(z -> z.approvedSubnets().stream()).distinct().toList();
    List<String> sgs = zones.stream().flatMap(z -> z.approvedSecurityGroups().stream()).distinct().toList();
    Set<String> candSubnets = new LinkedHashSet<>();
    Set<String> candSgs = new LinkedHashSet<>();
    for (String id : accounts) {
      ctx.snapshot().account(id).ifPresent(a -> {
        for (RegionInventory r : a.regions()) {
          r.subnets().stream().map(Subnet::id).forEach(candSubnets::add);
          r.securityGroups().stream().map(SecurityGroup::id).forEach(candSgs::add);
        }
      });
    }
    policy.ifPresent(p -> {
      candSubnets.addAll(GuardrailAnalyzer.literalIds(List.of(p), "subnet-"));
      candSgs.addAll(GuardrailAnalyzer.literalIds(List.of(p), "sg-"));
    });
    return new GuardrailTarget(ref, name, scp, policy, unknown, subnets, sgs, candSubnets, candSgs, principal);
  }

  private static String region(List<LandingZone> zones, CheckContext ctx, String accountId) {
    return zones.stream().flatMap(z -> z.regions().stream()).findFirst()
        .or(() -> ctx.snapshot().account(accountId).flatMap(a -> a.regions().stream().map(RegionInventory::region).findFirst()))
        .orElse("us-east-1");
  }
}
