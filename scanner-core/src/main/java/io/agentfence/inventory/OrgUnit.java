package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.Optional;

/** A root ({@code r-...}) or organizational unit ({@code ou-...}). */
public record OrgUnit(String id, String name, Optional<String> parentId) {
  public OrgUnit {
    Values.require(id, "org unit id");
    name = name == null ? id : name;
    parentId = Values.opt(parentId);
  }

  public boolean isRoot() {
    return id.startsWith("r-");
  }
}
