package io.agentfence.engine;

import io.agentfence.collect.ReadOperation;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the engine talks to AWS.
 *
 * @param concurrency        API calls on the wire at the same time (the engine reads up to 3x as many
 *                           (account, region) units at once, so units waiting for their rate
 *                           budget leave their turn to others)
 * @param ratePerSecond      client-side budget per API operation in each account (and region, for EC2 and AgentCore)
 * @param maxAttempts        SDK STANDARD retry strategy attempts (first try included)
 * @param backoffBase        base delay for non-throttling retries (5xx, I/O)
 * @param throttleBackoffBase base delay for throttling retries (exponential, jittered, capped at 20 s)
 * @param attemptTimeout     one HTTP attempt
 * @param callTimeout        one API call, all its retries included
 * @param endpointOverride   send every call here instead of AWS (local endpoint, demo, tests)
 * @param serviceEndpoints   per service, send its calls here instead; wins over endpointOverride.
 *                           Lets a test point one service at a host that does not exist while the
 *                           others answer (AgentCore not offered in a region).
 */
public record EngineConfig(
    int concurrency,
    double ratePerSecond,
    int maxAttempts,
    Duration backoffBase,
    Duration throttleBackoffBase,
    Duration attemptTimeout,
    Duration callTimeout,
    Optional<URI> endpointOverride,
    Map<ReadOperation.Service, URI> serviceEndpoints) {

  public EngineConfig {
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency must be at least 1");
    }
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("--rate must be a positive number of requests per second");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    endpointOverride = endpointOverride == null ? Optional.empty() : endpointOverride;
    serviceEndpoints = serviceEndpoints == null ? Map.of() : Map.copyOf(serviceEndpoints);
  }

  /** Where calls to {@code service} go, if not to AWS. */
  public Optional<URI> endpointFor(ReadOperation.Service service) {
    URI own = serviceEndpoints.get(service);
    return own != null ? Optional.of(own) : endpointOverride;
  }

  public EngineConfig withServiceEndpoint(ReadOperation.Service service, URI endpoint) {
    Map<ReadOperation.Service, URI> m = new java.util.EnumMap<>(ReadOperation.Service.class);
    m.putAll(serviceEndpoints);
    m.put(service, endpoint);
    return new EngineConfig(concurrency, ratePerSecond, maxAttempts, backoffBase, throttleBackoffBase,
        attemptTimeout, callTimeout, endpointOverride, m);
  }

  /** Conservative production defaults (research B.2: STANDARD, 5-8 attempts, 1 s throttle base). */
  public static EngineConfig defaults() {
    return new EngineConfig(4, 5.0, 8, Duration.ofMillis(100), Duration.ofSeconds(1),
        Duration.ofSeconds(30), Duration.ofMinutes(3), Optional.empty(), Map.of());
  }

  public EngineConfig withConcurrency(int c) {
    return new EngineConfig(c, ratePerSecond, maxAttempts, backoffBase, throttleBackoffBase,
        attemptTimeout, callTimeout, endpointOverride, serviceEndpoints);
  }

  public EngineConfig withRate(double r) {
    return new EngineConfig(concurrency, r, maxAttempts, backoffBase, throttleBackoffBase,
        attemptTimeout, callTimeout, endpointOverride, serviceEndpoints);
  }

  public EngineConfig withEndpoint(URI endpoint) {
    return new EngineConfig(concurrency, ratePerSecond, maxAttempts, backoffBase, throttleBackoffBase,
        attemptTimeout, callTimeout, Optional.of(endpoint), serviceEndpoints);
  }

  public EngineConfig withRetries(int attempts, Duration base, Duration throttleBase) {
    return new EngineConfig(concurrency, ratePerSecond, attempts, base, throttleBase,
        attemptTimeout, callTimeout, endpointOverride, serviceEndpoints);
  }
}
