package io.agentfence.engine;

/**
 * The scan could not start (no usable credentials, the caller cannot be identified). Nothing was
 * read, so no snapshot is produced; the CLI reports the message and exits 2.
 */
public final class ScanSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScanSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
