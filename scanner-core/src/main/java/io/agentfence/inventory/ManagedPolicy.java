package io.agentfence.inventory;

import io.agentfence.util.Values;

/**
 * A managed IAM policy and its default version's document.
 *
 * @param awsManaged true for {@code arn:aws:iam::aws:policy/...}
 */
public record ManagedPolicy(
    String arn, String name, String path, String defaultVersionId, boolean awsManaged, PolicyDocument document) {
  public ManagedPolicy {
    Values.require(arn, "policy arn");
    Values.require(name, "policy name");
    path = path == null ? "/" : path;
    defaultVersionId = defaultVersionId == null ? "v1" : defaultVersionId;
    if (document == null) {
      throw new IllegalArgumentException("policy document is required for " + arn);
    }
  }
}
