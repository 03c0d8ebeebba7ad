package io.agentfence.schedules.config;

/**
 * A schedule configuration that cannot be used. The message names the file, the line and column
 * and what to change; the CLI prints it and exits 2.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
