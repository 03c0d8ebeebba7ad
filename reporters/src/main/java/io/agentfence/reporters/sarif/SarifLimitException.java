package io.agentfence.reporters.sarif;

/** The SARIF cannot be written within GitHub's limits in the requested shape; the message says what to do. */
public final class SarifLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SarifLimitException(String message) {
    super(message);
  }
}
