package io.agentfence.collect;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;

/**
 * SDK clients for one unit of a scan, already bound to its account, credentials and region (the
 * global endpoint for a per-account unit), with the engine's allowlist guard, rate budget, retries
 * and shared HTTP client. The engine closes them when the collector returns.
 */
public interface Clients {
  /**
   * A client built from {@code builder}, e.g. {@code open(Ec2Client.builder(), Service.EC2)}. The
   * service decides which endpoint override applies and names the calls in the metrics.
   */
  <B extends AwsClientBuilder<B, C>, C extends SdkClient> C open(B builder, ReadOperation.Service service);
}
