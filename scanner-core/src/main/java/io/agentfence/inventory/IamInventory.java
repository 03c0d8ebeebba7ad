package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/**
 * An account's IAM configuration from GetAccountAuthorizationDetails: customer-managed and used
 * AWS-managed policies (default version document), and principals with their attachments and
 * permission boundaries.
 */
public record IamInventory(List<ManagedPolicy> policies, List<IamPrincipal> principals) {
  public IamInventory {
    policies = Values.list(policies);
    principals = Values.list(principals);
  }

  public static IamInventory empty() {
    return new IamInventory(List.of(), List.of());
  }

  public Optional<ManagedPolicy> policyByArn(String arn) {
    return policies.stream().filter(p -> p.arn().equals(arn)).findFirst();
  }

  public Optional<ManagedPolicy> policyByName(String name) {
    return policies.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
