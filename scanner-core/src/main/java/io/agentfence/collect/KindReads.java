package io.agentfence.collect;

import io.agentfence.inventory.ResourceKind;
import java.util.List;

/**
 * What a collector declares for one resource kind: the kind it records a coverage record for in
 * each scope, and the read operations it calls to read it.
 *
 * @param operations the first is the one whose response is mapped into the model: a gap names it
 *                   when our own mapping of a response fails (a record rejecting a missing id)
 */
public record KindReads(ResourceKind kind, List<ReadOperation> operations) {
  public KindReads {
    if (kind == null || operations == null || operations.isEmpty()) {
      throw new IllegalArgumentException("a kind and at least one read operation are required");
    }
    operations = List.copyOf(operations);
  }

  public static KindReads of(ResourceKind kind, ReadOperation... operations) {
    return new KindReads(kind, List.of(operations));
  }
}
