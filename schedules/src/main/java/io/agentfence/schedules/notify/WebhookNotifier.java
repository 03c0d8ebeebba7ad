package io.agentfence.schedules.notify;

import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.schedules.config.WebhookConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs a run's notification with retries and exponential backoff. Never throws: the scan is
 * already stored when we get here, and a failing receiver must neither fail nor lose it.
 */
public final class WebhookNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

  private final HttpClient http;
  private final Duration firstBackoff;

  public WebhookNotifier(HttpClient http, Duration firstBackoff) {
    this.http = http;
    this.firstBackoff = firstBackoff;
  }

  public static WebhookNotifier standard() {
    return new WebhookNotifier(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        Duration.ofSeconds(2));
  }

  /** Body as sent for a format (public for tests and docs). */
  public static String body(WebhookConfig.Format format, Notification n) {
    return format == WebhookConfig.Format.SLACK
        ? SnapshotJson.mapper().writeValueAsString(Map.of("text", n.slackText()))
        : SnapshotJson.mapper().writeValueAsString(n);
  }

  /** Returns whether the receiver accepted it (2xx) within the allowed attempts. */
  public boolean send(WebhookConfig hook, Notification n) {
    String body = body(hook.format(), n);
    Duration backoff = firstBackoff;
    for (int attempt = 1; attempt <= hook.retries() + 1; attempt++) {
      try {
        HttpRequest req = HttpRequest.newBuilder(hook.url())
            .timeout(hook.timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "agentfence")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        HttpResponse<Void> resp = http.send(req, HttpResponse.BodyHandlers.discarding());
        int code = resp.statusCode();
        if (code / 100 == 2) {
          LOG.info("webhook {} accepted run {} (attempt {})", hook.url().getHost(), n.runId(), attempt);
          return true;
        }
        // 4xx other than 408/429 will not get better by retrying
        if (code / 100 == 4 && code != 408 && code != 429) {
          LOG.warn("webhook {} rejected run {} with HTTP {}; not retrying", hook.url().getHost(), n.runId(), code);
          return false;
        }
        LOG.warn("webhook {} answered HTTP {} for run {} (attempt {})", hook.url().getHost(), code, n.runId(), attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.warn("webhook for run {} interrupted; not sent", n.runId());
        return false;
      } catch (Exception e) {
        LOG.warn("webhook {} failed for run {} (attempt {}): {}", hook.url().getHost(), n.runId(), attempt,
            e.toString());
      }
      if (attempt <= hook.retries()) {
        try {
          Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
        backoff = backoff.multipliedBy(2);
      }
    }
    LOG.warn("webhook {} gave up for run {}; the run is stored, see 'agentfence history show {}'",
        hook.url().getHost(), n.runId(), n.runId());
    return false;
  }
}
