package io.agentfence.util;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Null-normalising helpers for record compact constructors. Our model never lets a null cross a
 * module boundary: absent collections become empty, absent optionals become {@code Optional.empty()}.
 */
public final class Values {
  private Values() {}

  public static <T> List<T> list(List<T> in) {
    return in == null ? List.of() : List.copyOf(in);
  }

  /** Sorted, immutable copy: map order must not leak into snapshots, fingerprints or diffs. */
  public static <V> Map<String, V> map(Map<String, V> in) {
    return in == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(in));
  }

  public static <T> Optional<T> opt(Optional<T> in) {
    return in == null ? Optional.empty() : in;
  }

  public static String require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }
}
