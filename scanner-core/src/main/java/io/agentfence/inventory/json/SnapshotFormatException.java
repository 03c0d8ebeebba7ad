package io.agentfence.inventory.json;

/**
 * A snapshot file that cannot be used: not JSON, not the v1 format, or inconsistent. The message
 * names the file, the location (line:column, JSON path) and what to do.
 */
public final class SnapshotFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SnapshotFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  public SnapshotFormatException(String message) {
    super(message);
  }
}
