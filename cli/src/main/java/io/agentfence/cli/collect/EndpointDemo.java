package io.agentfence.cli.collect;

import io.agentfence.engine.EngineConfig;
import io.agentfence.fixtures.endpoint.EndpointCredentials;
import io.agentfence.fixtures.endpoint.LocalAwsEndpoint;
import io.agentfence.fixtures.endpoint.EndpointOptions;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.Snapshot;
import java.util.ArrayList;
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

  /**
   * The endpoint knows only accounts with an inventory entry; an account the demo knows only by
   * its recorded (failed) coverage gets an empty entry so it exists and fails as recorded.
   */
  static Snapshot served(Snapshot demo) {
    List<AccountInventory> accounts = new ArrayList<>(demo.accounts());
    demo.coverage().stream().map(CoverageRecord::accountId).distinct()
        .filter(id -> demo.account(id).isEmpty())
        .forEach(id -> accounts.add(new AccountInventory(Account.of(id), null, null)));
    return Snapshot.of(demo.collection(), demo.organization(), accounts, demo.coverage());
  }

  /** A region whose reads failed holds no inventory, but AWS still lists it in DescribeRegions. */
  static EndpointOptions options(Snapshot demo) {
    EndpointOptions.Builder b = EndpointOptions.builder();
    for (CoverageRecord c : demo.coverage()) {
      if (!c.region().equals(CoverageRecord.GLOBAL)) {
        b.extraRegions(c.accountId(), c.region());
      }
    }
    return b.build();
  }

  public static Snapshot collect(Snapshot demoOrg, PrintStream err) {
    try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(served(demoOrg), options(demoOrg))) {
      err.println("agentfence: demo organization served on " + endpoint.uri() + " (local AWS-compatible endpoint)");
      EndpointCredentials c = endpoint.baseCredentials();
      var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()));
      boolean org = demoOrg.organization().isPresent();
      TargetSpec spec = new TargetSpec(List.of(), List.of(), org, Set.of(), Set.of(), Set.of(), Set.of(),
          Optional.of(ROLE), Optional.empty(), "demo", "us-east-1");
      EngineConfig config = EngineConfig.defaults().withEndpoint(endpoint.uri());
      return LiveCollection.run(config, creds, spec, "demo", err, s -> { });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("demo collection failed: " + e.getMessage(), e);
    }
  }
}
