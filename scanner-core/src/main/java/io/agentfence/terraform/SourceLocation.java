package io.agentfence.terraform;

import io.agentfence.util.Values;

/**
 * Where a resource block is written: a {@code .tf} file relative to the repository root, with
 * forward slashes, and the 1-based line of its {@code resource "type" "name"} header.
 */
public record SourceLocation(String file, int line) {
  public SourceLocation {
    Values.require(file, "source file");
    if (line < 1) {
      throw new IllegalArgumentException("source line must be >= 1: " + line);
    }
  }
}
