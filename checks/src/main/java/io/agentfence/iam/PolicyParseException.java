package io.agentfence.iam;

/**
 * A policy document that cannot be evaluated: not JSON, or not a valid IAM policy (unknown
 * condition operator, missing Effect, ...). The message names the policy, the JSON location and
 * what to fix, and is meant to be shown to the user as one line.
 */
public final class PolicyParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyParseException(String message) {
    super(message);
  }

  public PolicyParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
