package io.agentfence.engine;

import io.agentfence.collect.AccountCollector;
import io.agentfence.collect.Clients;
import io.agentfence.collect.KindReads;
import io.agentfence.collect.ReadOperation;
import io.agentfence.collect.Reads;
import io.agentfence.collect.RegionCollector;
import io.agentfence.collect.ScanCancelledException;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.RegionInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

/**
 * The units of one entered account: each runs the registered collectors of its scope serially, in
 * registration order, and publishes what they read together with its coverage. A unit that fails
 * inside agentfence (not a read) publishes nothing: its whole scope gets an InternalError gap.
 */
final class Units {
  private final ScanRun run;
  private final AccountState state;
  private final AwsCredentialsProvider creds;

  Units(ScanRun run, AccountState state, AwsCredentialsProvider creds) {
    this.run = run;
    this.state = state;
    this.creds = creds;
  }

  /** The account's global services (IAM ...), against their global endpoint (research B.3). */
  void account() {
    String id = state.account.id();
    Reads reads = new Reads(id, CoverageRecord.GLOBAL);
    try {
      AccountInventory.Builder read = AccountInventory.builder(state.account);
      for (AccountCollector c : run.collectors.perAccount()) {
        withClients(Region.US_EAST_1, clients -> c.collect(clients, reads, read));
      }
      List<CoverageRecord> coverage = checked(reads, run.collectors.perAccount().stream()
          .flatMap(c -> c.reads().stream()).toList(), CoverageRecord.GLOBAL);
      state.publishAccount(read, coverage);
    } catch (ScanCancelledException c) {
      throw c;
    } catch (RuntimeException e) {
      state.failed(CoverageRecord.GLOBAL, e);
    }
    run.unitDone(state);
  }

  /** One (account, region): every region collector, e.g. AgentCore, then the network around it. */
  void region(String region) {
    String id = state.account.id();
    Reads reads = new Reads(id, region, run.reuse.region(id, region));
    try {
      RegionInventory.Builder read = RegionInventory.builder(region);
      for (RegionCollector c : run.collectors.regional()) {
        withClients(Region.of(region), clients -> c.collect(clients, reads, read));
      }
      List<CoverageRecord> coverage = checked(reads, run.collectors.regional().stream()
          .flatMap(c -> c.reads().stream()).toList(), region);
      state.publishRegion(read.build(), coverage);
    } catch (ScanCancelledException c) {
      throw c;
    } catch (RuntimeException e) {
      state.failed(region, e);
    }
    run.unitDone(state);
  }

  /**
   * The unit's coverage, checked to hold a record for every declared kind: a collector that left
   * one out fails the unit, whose scope then gets InternalError gaps instead of silently missing.
   */
  private List<CoverageRecord> checked(Reads reads, List<KindReads> declared, String scope) {
    List<CoverageRecord> out = new ArrayList<>(reads.coverage());
    for (KindReads k : declared) {
      if (out.stream().noneMatch(c -> c.kind() == k.kind())) {
        throw new IllegalStateException("collector recorded no coverage for " + k.kind() + " in " + scope);
      }
    }
    return out;
  }

  /** Runs {@code body} with clients for this unit's account and region, closed when it returns. */
  private void withClients(Region region, Consumer<Clients> body) {
    List<SdkClient> opened = new ArrayList<>();
    String id = state.account.id();
    Clients clients = new Clients() {
      @Override
      public <B extends AwsClientBuilder<B, C>, C extends SdkClient> C open(B builder, ReadOperation.Service service) {
        C client = run.clients.client(builder, service, id, creds, region);
        opened.add(client);
        return client;
      }
    };
    try {
      body.accept(clients);
    } finally {
      opened.forEach(SdkClient::close);
    }
  }
}
