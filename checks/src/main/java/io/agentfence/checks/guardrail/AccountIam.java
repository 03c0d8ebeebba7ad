package io.agentfence.checks.guardrail;

import io.agentfence.inventory.IamInventory;
import io.agentfence.inventory.IamPrincipal;
import io.agentfence.inventory.IamPrincipal.PrincipalType;
import io.agentfence.inventory.ManagedPolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One account's IAM inventory indexed once for AF-GRD-007, which looks up every principal's
 * attached policies and groups: with linear lookups an account of 2,000 roles and policies cost
 * millions of comparisons. The first entry wins on duplicates, as the inventory's own
 * {@code policyByArn} (a linear {@code findFirst}) does.
 */
final class AccountIam {
  private final IamInventory iam;
  private final Map<String, ManagedPolicy> policiesByArn = new HashMap<>();
  private final Map<String, IamPrincipal> groupsByName = new HashMap<>();

  AccountIam(IamInventory iam) {
    this.iam = iam;
    iam.policies().forEach(p -> policiesByArn.putIfAbsent(p.arn(), p));
    iam.principals().stream().filter(p -> p.type() == PrincipalType.GROUP)
        .forEach(g -> groupsByName.putIfAbsent(g.name(), g));
  }

  IamInventory inventory() {
    return iam;
  }

  Optional<ManagedPolicy> policyByArn(String arn) {
    return Optional.ofNullable(policiesByArn.get(arn));
  }

  Optional<IamPrincipal> group(String name) {
    return Optional.ofNullable(groupsByName.get(name));
  }
}
