package io.agentfence.cli;

/**
 * A usage or configuration problem found by a command (not by picocli's parser): its message is
 * shown as is on stderr and the process exits with {@link ExitCodes#USAGE}.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
