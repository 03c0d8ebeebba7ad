package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;

/** An SCP and the roots, OUs and accounts it is attached to. */
public record ServiceControlPolicy(
    String id, String arn, String name, boolean awsManaged, PolicyDocument document, List<String> targetIds) {
  public ServiceControlPolicy {
    Values.require(id, "scp id");
    arn = arn == null ? "" : arn;
    name = name == null ? id : name;
    if (document == null) {
      throw new IllegalArgumentException("scp document is required for " + id);
    }
    targetIds = Values.list(targetIds);
  }
}
