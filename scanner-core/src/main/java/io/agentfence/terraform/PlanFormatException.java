package io.agentfence.terraform;

/**
 * A file given as {@code --terraform-plan} that cannot be used: not JSON, not a plan (a state file,
 * some other JSON), or a plan format this version does not read. The message names the file, what
 * is wrong and how to produce the right input; the CLI shows it as is and exits with code 2.
 */
public final class PlanFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlanFormatException(String message) {
    super(message);
  }

  public PlanFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
