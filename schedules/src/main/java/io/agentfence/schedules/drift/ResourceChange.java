package io.agentfence.schedules.drift;

import io.agentfence.util.Values;
import java.util.List;

/**
 * A resource that appeared, disappeared or changed between two readable scans. For ADDED and
 * REMOVED the fields show what the resource looked like on the side where it exists.
 */
public record ResourceChange(ResourceKey resource, Type type, List<FieldChange> fields) {
  public enum Type { ADDED, REMOVED, CHANGED }

  public ResourceChange {
    if (resource == null || type == null) {
      throw new IllegalArgumentException("resource and type are required");
    }
    fields = Values.list(fields);
  }
}
