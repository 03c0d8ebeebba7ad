package io.agentfence.cli.collect;

import io.agentfence.collect.ReusableReads;
import io.agentfence.engine.EngineConfig;
import io.agentfence.fixtures.endpoint.EndpointCredentials;
import io.agentfence.fixtures.endpoint.LocalAwsEndpoint;
import io.agentfence.inventory.Snapshot;
import io.agentfence.target.TargetSpec;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code scan --demo}: serves the demo organization from a {@link LocalAwsEndpoint} on loopback
 * and collects it exactly as a live {@code --org} scan would (real SDK clients, AssumeRole into
 * each member account, every enabled region, default rate budget and retries). No AWS
 * credentials are needed: the endpoint issues its own.
 */
public final class EndpointDemo {
  static final String ROLE = "AgentfenceScan";

  private EndpointDemo() {}

  public static Snapshot collect(Snapshot demoOrg, PrintStream err) {
    return collect(demoOrg, ReusableReads.none(), err);
  }

  /** As a warm scan: immutable records of {@code reuse} are not read again. */
  public static Snapshot collect(Snapshot demoOrg, ReusableReads reuse, PrintStream err) {
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(demoOrg)) {
      err.println("agentfence: demo organization served on " + endpoint.uri() + " (local AWS-compatible endpoint)");
      EndpointCredentials c = endpoint.baseCredentials();
      var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()));
      boolean org = demoOrg.organization().isPresent();
      TargetSpec spec = new TargetSpec(List.of(), List.of(), org, Set.of(), Set.of(), Set.of(), Set.of(),
          Optional.of(ROLE), Optional.empty(), "demo", "us-east-1");
      EngineConfig config = EngineConfig.defaults().withEndpoint(endpoint.uri());
      return LiveCollection.run(config, creds, spec, "demo", reuse, err, s -> { });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("demo collection failed: " + e.getMessage(), e);
    }
  }
}
