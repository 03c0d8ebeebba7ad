package io.agentfence.iam;

import io.agentfence.iam.Decision.DenyKind;
import io.agentfence.iam.Decision.DeniedBy;
import io.agentfence.iam.Decision.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * IAM's evaluation logic for one principal's request within one account [D EVAL-DENYALLOW]:
 * an explicit Deny in any applicable SCP, boundary or identity policy decides; otherwise every SCP
 * level (root, each OU, the account) must allow, the permissions boundary (if any) must allow, and
 * an identity policy must allow; else the request is implicitly denied. SCPs are skipped for the
 * management account and service-linked roles [D ORG-SCP]. Pure: no I/O.
 */
public final class PolicyEvaluator {
  private PolicyEvaluator() {}

  public static Decision evaluate(PolicySet set, AccessRequest request) {
    return evaluate(set, request, false);
  }

  /** See {@link StatementEvaluator#evaluate} for {@code ignoreScope}. */
  public static Decision evaluate(PolicySet set, AccessRequest request, boolean ignoreScope) {
    Set<String> notes = new LinkedHashSet<>();
    List<StatementResult> trace = new ArrayList<>();
    Optional<DeniedBy> explicit = Optional.empty();

    List<Policy> denySources = new ArrayList<>();
    boolean scpsApply = set.scpExemption().isEmpty();
    if (!scpsApply) {
      notes.add("SCPs do not apply: " + set.scpExemption().get());
    } else {
      for (ScpLevel level : set.scpLevels()) {
        denySources.addAll(level.policies());
      }
    }
    set.boundary().ifPresent(denySources::add);
    denySources.addAll(set.identity());

    for (Policy p : denySources) {
      for (Statement s : p.statements()) {
        if (s.effect() != Effect.DENY) {
          continue;
        }
        StatementResult r = StatementEvaluator.evaluate(p, s, request, ignoreScope);
        if (!r.actionMatched()) {
          continue;
        }
        trace.add(r);
        notes.addAll(r.notes());
        if (r.applies() == Tri.TRUE && explicit.isEmpty()) {
          explicit = Optional.of(new DeniedBy(p.source(), s.sid(), s.index(), DenyKind.EXPLICIT, r.explanation()));
        } else if (r.applies() == Tri.UNKNOWN) {
          notes.add("Deny " + r.label() + " is not credited: " + r.explanation());
        }
      }
    }
    if (explicit.isPresent()) {
      return new Decision(Outcome.DENIED, explicit, List.of(), trace, List.copyOf(notes));
    }

    if (scpsApply) {
      for (ScpLevel level : set.scpLevels()) {
        if (level.assumeFullAccess()) {
          notes.add("no Allow SCP is shown at " + level.target() + ": AWS's default FullAWSAccess is assumed there");
          continue;
        }
        List<StatementResult> allows = allows(level.policies(), request, ignoreScope, trace, notes);
        if (allows.isEmpty()) {
          return implicit(sources(level.policies(), "SCPs at " + level.target()), "no SCP attached at " + level.target() + " allows "
              + request.action(), trace, notes);
        }
      }
    }
    if (set.boundary().isPresent()) {
      Policy b = set.boundary().get();
      if (allows(List.of(b), request, ignoreScope, trace, notes).isEmpty()) {
        return implicit(b.source(), "the permissions boundary " + b.source() + " does not allow " + request.action(),
            trace, notes);
      }
    }
    List<StatementResult> granted = List.of();
    if (set.identityComplete()) {
      granted = allows(set.identity(), request, ignoreScope, trace, notes);
      if (granted.isEmpty()) {
        return implicit(sources(set.identity(), "identity policies"), "no identity-based policy allows " + request.action(), trace, notes);
      }
    } else {
      notes.add("only explicit denies decide: the principal's other permissions are assumed to allow the request");
    }
    return new Decision(Outcome.NOT_DENIED, Optional.empty(), granted, trace, List.copyOf(notes));
  }

  private static List<StatementResult> allows(
      List<Policy> policies, AccessRequest request, boolean ignoreScope, List<StatementResult> trace, Set<String> notes) {
    List<StatementResult> out = new ArrayList<>();
    for (Policy p : policies) {
      for (Statement s : p.statements()) {
        if (s.effect() != Effect.ALLOW) {
          continue;
        }
        StatementResult r = StatementEvaluator.evaluate(p, s, request, ignoreScope);
        if (!r.actionMatched()) {
          continue;
        }
        trace.add(r);
        notes.addAll(r.notes());
        if (r.applies() != Tri.FALSE) {
          out.add(r);
          if (r.applies() == Tri.UNKNOWN) {
            notes.add("Allow " + r.label() + " is assumed to grant: " + r.explanation());
          }
        }
      }
    }
    return out;
  }

  /** The files or policy names behind an implicit deny, for "deniedBy.file". */
  private static String sources(List<Policy> policies, String fallback) {
    return policies.isEmpty() ? fallback : String.join(", ", policies.stream().map(Policy::source).toList());
  }

  private static Decision implicit(String source, String reason, List<StatementResult> trace, Set<String> notes) {
    return new Decision(Outcome.DENIED, Optional.of(new DeniedBy(source, Optional.empty(), -1, DenyKind.IMPLICIT, reason)),
        List.of(), trace, List.copyOf(notes));
  }
}
