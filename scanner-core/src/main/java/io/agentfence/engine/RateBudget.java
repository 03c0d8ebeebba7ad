package io.agentfence.engine;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The client-side rate budget: one token bucket per (scope, API operation), so a scan can never
 * spend more than {@code ratePerSecond} of any one API's quota in any one scope, however many
 * workers are running. The scope is what AWS throttles on: (account, region) for the regional
 * services EC2 and AgentCore, the account for global ones (see CallGuard). Retries spend from the
 * same bucket.
 */
public final class RateBudget {
  private final double ratePerSecond;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateBudget(double ratePerSecond) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("--rate must be a positive number of requests per second");
    }
    this.ratePerSecond = ratePerSecond;
  }

  public double ratePerSecond() {
    return ratePerSecond;
  }

  void acquire(String accountId, String service, String operation) throws InterruptedException {
    buckets
        .computeIfAbsent(accountId + '|' + service + ':' + operation,
            k -> new TokenBucket(ratePerSecond, ratePerSecond))
        .acquire();
  }
}
