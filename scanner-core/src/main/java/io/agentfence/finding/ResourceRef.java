package io.agentfence.finding;

import io.agentfence.util.Values;

/**
 * The resource a finding is about.
 *
 * @param kind  {@code runtime}, {@code browser}, {@code code-interpreter}, {@code vpc},
 *              {@code account}, {@code region}, {@code guardrail}, ...
 * @param id    the resource id (runtime id, vpc id, policy name, ...)
 * @param arn   the ARN when the resource has one, else a stable pseudo-ARN built from the scope
 * @param region the region, or {@code global}
 */
public record ResourceRef(String kind, String id, String arn, String accountId, String region) {
  public ResourceRef {
    Values.require(kind, "resource kind");
    Values.require(id, "resource id");
    accountId = accountId == null ? "" : accountId;
    region = region == null ? "global" : region;
    arn = arn == null || arn.isBlank() ? pseudoArn(kind, id, accountId, region) : arn;
  }

  /** An identifier in ARN form for things AWS gives no ARN (a coverage scope, a baseline item). */
  public static String pseudoArn(String kind, String id, String accountId, String region) {
    return "arn:agentfence:" + kind + ":" + region + ":" + accountId + ":" + id;
  }
}
