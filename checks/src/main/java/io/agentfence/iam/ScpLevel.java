package io.agentfence.iam;

import java.util.List;

/**
 * The SCPs attached at one level of an account's organization path (root, each OU, the account).
 * Every level must allow a request [D EVAL-DENYALLOW].
 *
 * @param target           the root, OU or account id
 * @param assumeFullAccess when the snapshot shows no SCP at this level, AWS's default
 *                         FullAWSAccess is assumed (every level carries at least one SCP)
 */
public record ScpLevel(String target, List<Policy> policies, boolean assumeFullAccess) {
  public ScpLevel {
    policies = List.copyOf(policies);
  }
}
