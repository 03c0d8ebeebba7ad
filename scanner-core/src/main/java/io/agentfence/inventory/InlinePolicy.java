package io.agentfence.inventory;

import io.agentfence.util.Values;

/** An inline policy of a principal. */
public record InlinePolicy(String name, PolicyDocument document) {
  public InlinePolicy {
    Values.require(name, "inline policy name");
    if (document == null) {
      throw new IllegalArgumentException("inline policy document is required for " + name);
    }
  }
}
