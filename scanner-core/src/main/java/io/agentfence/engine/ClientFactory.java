package io.agentfence.engine;

import io.agentfence.collect.ReadOperation.Service;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds SDK clients per (account, region, service), all sharing ONE pooled Apache HTTP client
 * (hundreds of per-account clients with their own pools would hold hundreds of idle sockets;
 * research B.1). The factory owns that shared client: close it after the scan.
 */
public final class ClientFactory implements AutoCloseable {
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

  private final EngineConfig config;
  private final RateBudget budget;
  private final CallMetrics metrics;
  private final SdkHttpClient http;
  /**
   * Timer for every client's call and attempt timeouts. Left to itself the SDK gives each client
   * its own pool of up to 5 threads: a scan builds ~8 clients per account, which cost thousands of
   * short-lived threads at a few hundred accounts. Cancelled timeouts leave the queue at once
   * (most calls finish long before their timeout).
   */
  private final ScheduledThreadPoolExecutor timer;
  private final InFlight inFlight;

  public ClientFactory(EngineConfig config, CallMetrics metrics) {
    this.config = config;
    this.budget = new RateBudget(config.ratePerSecond());
    this.metrics = metrics;
    this.inFlight = new InFlight(config.concurrency());
    this.http = ApacheHttpClient.builder()
        .maxConnections(Math.max(16, config.concurrency() * 4))
        .connectionTimeout(Duration.ofSeconds(10))
        .socketTimeout(config.attemptTimeout())
        .build();
    AtomicInteger n = new AtomicInteger();
    this.timer = new ScheduledThreadPoolExecutor(2, r -> {
      Thread t = new Thread(r, "agentfence-sdk-timer-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
  }

  public BedrockAgentCoreControlClient agentCore(String accountId, AwsCredentialsProvider creds, String region) {
    return configure(BedrockAgentCoreControlClient.builder(), Service.AGENTCORE, accountId, creds, Region.of(region)).build();
  }

  public Ec2Client ec2(String accountId, AwsCredentialsProvider creds, String region) {
    return configure(Ec2Client.builder(), Service.EC2, accountId, creds, Region.of(region)).build();
  }

  /** IAM is global: one client per account, signed for us-east-1 (research B.3). */
  public IamClient iam(String accountId, AwsCredentialsProvider creds) {
    return configure(IamClient.builder(), Service.IAM, accountId, creds, Region.US_EAST_1).build();
  }

  /** Organizations is global (us-east-1 endpoint in the aws partition). */
  public OrganizationsClient organizations(String accountId, AwsCredentialsProvider creds) {
    return configure(OrganizationsClient.builder(), Service.ORGANIZATIONS, accountId, creds, Region.US_EAST_1).build();
  }

  public StsClient sts(String accountId, AwsCredentialsProvider creds, String region) {
    return configure(StsClient.builder(), Service.STS, accountId, creds, Region.of(region)).build();
  }

  /**
   * A client of any service from its builder, e.g. {@code client(Route53Client.builder(), ...)}: how
   * a collector gets its client without a method here per service.
   */
  public <B extends AwsClientBuilder<B, C>, C> C client(
      B builder, Service service, String accountId, AwsCredentialsProvider creds, Region region) {
    return configure(builder, service, accountId, creds, region).build();
  }

  private <B extends AwsClientBuilder<B, C>, C> B configure(
      B builder, Service service, String accountId, AwsCredentialsProvider creds, Region region) {
    CallGuard guard = new CallGuard(accountId, budget, metrics, inFlight);
    builder.region(region)
        .credentialsProvider(creds)
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(retryStrategy())
            .apiCallAttemptTimeout(config.attemptTimeout())
            .apiCallTimeout(config.callTimeout())
            .addExecutionInterceptor(guard)
            .addMetricPublisher(guard)
            // The SDK does not shut down an executor it was given: the factory does, on close().
            .scheduledExecutorService(timer)
            .build());
    config.endpointFor(service).ifPresent(builder::endpointOverride);
    // The http client is set on the concrete builder type (SdkSyncClientBuilder).
    ((software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?>) builder).httpClient(http);
    return builder;
  }

  /**
   * STANDARD (not the LEGACY default), more attempts, exponential backoff with jitter, and no
   * circuit breaker: our own rate budget already protects the service, and the breaker would turn
   * a throttling storm into immediate give-ups.
   */
  private StandardRetryStrategy retryStrategy() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(config.maxAttempts())
        .backoffStrategy(BackoffStrategy.exponentialDelay(config.backoffBase(), MAX_BACKOFF))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(config.throttleBackoffBase(), MAX_BACKOFF))
        .circuitBreakerEnabled(false)
        .build();
  }

  @Override
  public void close() {
    http.close();
    timer.shutdownNow();
  }
}
