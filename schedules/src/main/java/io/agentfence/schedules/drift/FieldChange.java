package io.agentfence.schedules.drift;

import io.agentfence.util.Values;
import java.util.Optional;

/** One field of a resource before and after; empty on the side where the field is absent. */
public record FieldChange(String field, Optional<String> before, Optional<String> after) {
  public FieldChange {
    Values.require(field, "field");
    before = Values.opt(before);
    after = Values.opt(after);
  }

  public static FieldChange of(String field, String before, String after) {
    return new FieldChange(field, Optional.ofNullable(before), Optional.ofNullable(after));
  }
}
