package io.agentfence.schedules.config;

import java.net.URI;
import java.time.Duration;

/**
 * A webhook notified after each finished run.
 *
 * @param format  {@code generic} (our JSON) or {@code slack} (an incoming-webhook {@code text} body)
 * @param retries extra attempts after the first failure
 * @param timeout per attempt
 */
public record WebhookConfig(URI url, Format format, int retries, Duration timeout) {
  public enum Format { GENERIC, SLACK }

  public WebhookConfig {
    if (url == null || format == null || timeout == null) {
      throw new IllegalArgumentException("webhook url, format and timeout are required");
    }
  }
}
