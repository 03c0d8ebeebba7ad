package io.agentfence.checks.guardrail;

import io.agentfence.check.CheckContext;
import io.agentfence.iam.Policy;
import io.agentfence.iam.PolicyParseException;
import io.agentfence.iam.PolicyParser;
import io.agentfence.iam.ScpLevel;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.OrgUnit;
import io.agentfence.inventory.OrganizationInventory;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.ServiceControlPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The organization as the guardrail rules need it: whether it was read, the SCP levels of an
 * account (root, each OU of its path, the account), and the management-account exemption.
 *
 * <p>Assumption (stated in findings): when the snapshot shows no FullAWSAccess SCP anywhere, the
 * collector did not record AWS-managed SCPs, so AWS's default FullAWSAccess is assumed at every
 * level; when it does show it, a level with no Allow SCP really allows nothing.
 */
final class OrgView {
  private final Optional<OrganizationInventory> org;
  private final boolean read;
  private final boolean showsFullAccess;
  private final Map<String, Object> parsed = new HashMap<>();

  private OrgView(Optional<OrganizationInventory> org, boolean read) {
    this.org = org;
    this.read = read;
    this.showsFullAccess = org.map(o -> o.scps().stream()
        .anyMatch(s -> s.name().equals("FullAWSAccess") || s.id().equals("p-FullAWSAccess"))).orElse(false);
  }

  static OrgView of(CheckContext ctx) {
    Optional<OrganizationInventory> org = ctx.snapshot().organization();
    boolean read = org.isPresent()
        && ctx.coverage().isRead(org.get().managementAccountId(), CoverageRecord.GLOBAL, ResourceKind.ORGANIZATIONS);
    return new OrgView(org, read);
  }

  boolean read() {
    return read;
  }

  Optional<String> managementAccount() {
    return org.map(OrganizationInventory::managementAccountId);
  }

  boolean isManagement(String accountId) {
    return managementAccount().filter(accountId::equals).isPresent();
  }

  Optional<ServiceControlPolicy> scpByName(String name) {
    return org.flatMap(o -> o.scps().stream().filter(s -> s.name().equals(name)).findFirst());
  }

  /** Root → OUs → account, or empty when the account's OU path is not known. */
  Optional<List<String>> path(Account a) {
    if (a.ouPath().isEmpty()) {
      return Optional.empty();
    }
    List<String> p = new ArrayList<>(a.ouPath());
    p.add(a.id());
    return Optional.of(p);
  }

  /** Whether the SCP is attached on the account's path; empty when the path is unknown. */
  Optional<Boolean> appliesTo(ServiceControlPolicy scp, Account a) {
    Optional<List<String>> path = path(a);
    if (path.isEmpty()) {
      boolean direct = scp.targetIds().contains(a.id()) || org.map(o -> o.units().stream()
          .filter(OrgUnit::isRoot).anyMatch(r -> scp.targetIds().contains(r.id()))).orElse(false);
      return direct ? Optional.of(true) : Optional.empty();
    }
    return Optional.of(path.get().stream().anyMatch(scp.targetIds()::contains));
  }

  String describePath(Account a) {
    return path(a).map(p -> String.join(" → ", p)).orElse("unknown OU path");
  }

  /** The SCP levels of an account, keeping only SCPs {@code include} accepts. */
  List<ScpLevel> levels(Account a, Predicate<ServiceControlPolicy> include, Set<String> notes) {
    if (!read || org.isEmpty()) {
      notes.add("Organizations data not read: SCPs are not modelled");
      return List.of();
    }
    Optional<List<String>> path = path(a);
    if (path.isEmpty()) {
      notes.add("the account's OU path is unknown: only SCPs on the root and the account are modelled");
    }
    List<String> targets = path.orElseGet(() -> {
      List<String> t = new ArrayList<>();
      org.get().units().stream().filter(OrgUnit::isRoot).forEach(r -> t.add(r.id()));
      t.add(a.id());
      return t;
    });
    if (!showsFullAccess) {
      notes.add("the snapshot shows no FullAWSAccess SCP: AWS's default FullAWSAccess is assumed at every level");
    }
    List<ScpLevel> levels = new ArrayList<>();
    for (String target : targets) {
      List<ServiceControlPolicy> attached = org.get().scpsTargeting(target);
      List<Policy> policies = new ArrayList<>();
      for (ServiceControlPolicy scp : attached) {
        if (include.test(scp)) {
          parse(scp, notes).ifPresent(policies::add);
        }
      }
      // A level left with no SCP once some are set aside (the guardrail, for "what if it were absent") is read
      // as AWS's default FullAWSAccess: AWS never lets a level carry no SCP at all.
      boolean nothingLeft = attached.stream().noneMatch(include);
      levels.add(new ScpLevel(target, policies, !showsFullAccess || nothingLeft));
    }
    return levels;
  }

  Optional<Policy> parse(ServiceControlPolicy scp, Set<String> notes) {
    Object r = parsed.computeIfAbsent(scp.id(), id -> {
      try {
        return PolicyParser.parse(scp.document().json(), "SCP " + scp.name(), PolicyParser.Kind.SCP);
      } catch (PolicyParseException e) {
        return e;
      }
    });
    if (r instanceof PolicyParseException) {
      notes.add(((PolicyParseException) r).getMessage());
      return Optional.empty();
    }
    return Optional.of((Policy) r);
  }
}
