package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/**
 * An IAM role, user or group.
 *
 * @param type                   ROLE, USER or GROUP
 * @param attachedPolicyArns     managed policies attached directly
 * @param inlinePolicies         inline policies
 * @param permissionsBoundaryArn the permissions boundary, if any (roles and users)
 * @param groups                 group names, for users
 * @param serviceLinked          a service-linked role (path {@code /aws-service-role/}); SCPs do
 *                               not restrict these
 */
public record IamPrincipal(
    PrincipalType type,
    String name,
    String arn,
    String path,
    List<String> attachedPolicyArns,
    List<InlinePolicy> inlinePolicies,
    Optional<String> permissionsBoundaryArn,
    List<String> groups,
    boolean serviceLinked) {
  public IamPrincipal {
    if (type == null) {
      throw new IllegalArgumentException("principal type is required");
    }
    Values.require(name, "principal name");
    Values.require(arn, "principal arn");
    path = path == null ? "/" : path;
    attachedPolicyArns = Values.list(attachedPolicyArns);
    inlinePolicies = Values.list(inlinePolicies);
    permissionsBoundaryArn = Values.opt(permissionsBoundaryArn);
    groups = Values.list(groups);
  }

  public enum PrincipalType { ROLE, USER, GROUP }
}
