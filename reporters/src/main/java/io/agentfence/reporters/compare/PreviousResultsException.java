package io.agentfence.reporters.compare;

/** A {@code --previous} file that is not a SARIF or JSON result of agentfence; the message names the file and the fix. */
public final class PreviousResultsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PreviousResultsException(String message) {
    super(message);
  }

  public PreviousResultsException(String message, Throwable cause) {
    super(message, cause);
  }
}
