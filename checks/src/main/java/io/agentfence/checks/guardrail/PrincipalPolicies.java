package io.agentfence.checks.guardrail;

import io.agentfence.check.CheckContext;
import io.agentfence.iam.Policy;
import io.agentfence.iam.PolicyParseException;
import io.agentfence.iam.PolicyParser;
import io.agentfence.iam.PolicySet;
import io.agentfence.iam.ScpLevel;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.IamPrincipal;
import io.agentfence.inventory.IamPrincipal.PrincipalType;
import io.agentfence.inventory.InlinePolicy;
import io.agentfence.inventory.ManagedPolicy;
import io.agentfence.inventory.ServiceControlPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The full policy set of one IAM principal (identity policies including its groups', boundary,
 * SCP levels), with and without the baseline's guardrail documents, for the coverage rule.
 *
 * @param missing       attached documents the snapshot does not hold or that are not valid policies
 * @param guardrailVia  how a baseline guardrail reaches the principal (empty: it does not)
 */
record PrincipalPolicies(
    PolicySet withGuardrail, PolicySet withoutGuardrail, List<String> missing, List<String> guardrailVia, Set<String> notes) {

  /**
   * @param cache parsed documents of this account by source name, shared across its principals
   * @param scps  the account's SCP levels, shared across its principals
   */
  static PrincipalPolicies of(CheckContext ctx, OrgView org, Account account, AccountIam iam, IamPrincipal p,
      Map<DocumentKey, Object> cache, AccountScps scps) {
    List<String> names = ctx.baseline().guardrail().managedPolicies();
    List<String> scpNames = ctx.baseline().guardrail().scps();
    List<String> missing = new ArrayList<>();
    List<String> via = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    List<Policy> with = new ArrayList<>();
    List<Policy> without = new ArrayList<>();

    List<IamPrincipal> holders = new ArrayList<>();
    holders.add(p);
    if (p.type() == PrincipalType.USER) {
      for (String g : p.groups()) {
        iam.group(g).ifPresentOrElse(holders::add, () -> missing.add("group " + g));
      }
    }
    for (IamPrincipal h : holders) {
      for (String arn : h.attachedPolicyArns()) {
        Optional<ManagedPolicy> mp = iam.policyByArn(arn);
        if (mp.isEmpty()) {
          missing.add("managed policy " + arn);
          continue;
        }
        Optional<Policy> parsed = parse(mp.get().document().json(), "policy " + mp.get().name(), missing, cache);
        if (parsed.isEmpty()) {
          continue;
        }
        with.add(parsed.get());
        if (!mp.get().awsManaged() && names.contains(mp.get().name())) {
          via.add("managed policy " + mp.get().name() + (h == p ? "" : " via group " + h.name()));
        } else {
          without.add(parsed.get());
        }
      }
      for (InlinePolicy ip : h.inlinePolicies()) {
        parse(ip.document().json(), "inline policy " + h.name() + "/" + ip.name(), missing, cache).ifPresent(x -> {
          with.add(x);
          without.add(x);
        });
      }
    }
    Optional<Policy> boundary = Optional.empty();
    boolean boundaryIsGuardrail = false;
    if (p.permissionsBoundaryArn().isPresent()) {
      Optional<ManagedPolicy> mp = iam.policyByArn(p.permissionsBoundaryArn().get());
      if (mp.isEmpty()) {
        missing.add("permissions boundary " + p.permissionsBoundaryArn().get());
      } else {
        boundary = parse(mp.get().document().json(), "boundary " + mp.get().name(), missing, cache);
        boundaryIsGuardrail = !mp.get().awsManaged() && names.contains(mp.get().name());
        if (boundaryIsGuardrail && boundary.isPresent()) {
          via.add("permissions boundary " + mp.get().name());
        }
      }
    }
    Optional<String> exemption = p.serviceLinked() ? Optional.of("service-linked role " + p.name())
        : org.isManagement(account.id()) ? Optional.of("account " + account.id() + " is the management account")
        : Optional.empty();
    notes.addAll(scps.notes());
    List<ScpLevel> allLevels = scps.all();
    List<ScpLevel> levelsWithout = scps.withoutGuardrail();
    if (exemption.isEmpty() && org.read()) {
      for (String n : scpNames) {
        Optional<ServiceControlPolicy> scp = org.scpByName(n);
        if (scp.isPresent() && org.appliesTo(scp.get(), account).orElse(false)) {
          via.add("SCP " + n);
        }
      }
    }
    PolicySet withSet = new PolicySet(with, true, boundary, allLevels, exemption);
    // Without the guardrail: a boundary that is the guardrail itself is dropped too.
    PolicySet withoutSet = new PolicySet(without, true, boundaryIsGuardrail ? Optional.empty() : boundary,
        levelsWithout, exemption);
    return new PrincipalPolicies(withSet, withoutSet, missing, via, notes);
  }

  /**
   * The SCP levels of one account, with and without the baseline's guardrail SCPs, and the notes
   * computing them gave: the same for every principal of the account, so computed once.
   */
  record AccountScps(List<ScpLevel> all, List<ScpLevel> withoutGuardrail, Set<String> notes) {
    static AccountScps of(CheckContext ctx, OrgView org, Account account) {
      List<String> scpNames = ctx.baseline().guardrail().scps();
      Set<String> notes = new LinkedHashSet<>();
      List<ScpLevel> all = org.levels(account, s -> true, notes);
      List<ScpLevel> without = org.levels(account, s -> !scpNames.contains(s.name()), notes);
      return new AccountScps(all, without, notes);
    }
  }

  /**
   * A parsed document's cache key. Not {@code source + "\n" + json}: that built and hashed a new
   * string of the whole document at every lookup; the document's own string caches its hash.
   */
  record DocumentKey(String source, String json) {}

  private static Optional<Policy> parse(String json, String source, List<String> missing,
      Map<DocumentKey, Object> cache) {
    Object r = cache.computeIfAbsent(new DocumentKey(source, json), k -> {
      try {
        return PolicyParser.parse(json, source);
      } catch (PolicyParseException e) {
        return e;
      }
    });
    if (r instanceof PolicyParseException) {
      missing.add(source + " (not a valid policy: " + ((PolicyParseException) r).getMessage() + ")");
      return Optional.empty();
    }
    return Optional.of((Policy) r);
  }
}
