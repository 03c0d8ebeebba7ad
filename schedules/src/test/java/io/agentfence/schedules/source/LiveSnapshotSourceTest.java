package io.agentfence.schedules.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.engine.EngineConfig;
import io.agentfence.engine.ScanEngine;
import io.agentfence.engine.ScanProgress;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.IamInventory;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.Snapshot;
import io.agentfence.schedules.config.Targets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The live source's fail-closed paths and the merge of the organization part with account parts. */
class LiveSnapshotSourceTest {
  /** Kinds with a coverage record per region. */
  private static final int REGIONAL_KINDS =
      (int) java.util.Arrays.stream(ResourceKind.values()).filter(k -> !k.global()).count();

  private static final String ACCOUNT = "123456789012";

  /** Nothing listens on port 1: every call fails to connect, as with AWS unreachable. */
  private static final LiveSnapshotSource.Access UNREACHABLE = new LiveSnapshotSource.Access() {
    @Override
    public ScanEngine engine(Targets t, io.agentfence.collect.ReusableReads reuse) {
      EngineConfig config = EngineConfig.defaults().withEndpoint(URI.create("http://127.0.0.1:1"))
          .withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1));
      return new ScanEngine(config, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIA", "s")),
          ScanProgress.Listener.NONE);
    }

    @Override
    public String homeRegion(Targets t) {
      return "us-east-1";
    }
  };

  @Test
  void anAccountPartThatFailsOutrightIsAGapForEveryScopeOfTheAccount() throws Exception {
    Targets targets = new Targets(List.of(ACCOUNT), false, List.of("us-east-1", "eu-west-1"), Optional.of("Scan"));
    LiveSnapshotSource source = new LiveSnapshotSource(UNREACHABLE);
    ScanPart part = source.plan(targets).get(0).withRun(7);
    assertThat(part.accounts()).containsExactly(ACCOUNT);

    Snapshot s = source.collect(part);

    assertThat(s.complete()).isFalse();
    assertThat(s.accounts()).isEmpty();
    assertThat(s.coverage()).hasSize(1 + 2 * REGIONAL_KINDS).allSatisfy(c -> {
      assertThat(c.accountId()).isEqualTo(ACCOUNT);
      assertThat(c.status()).isEqualTo(CoverageStatus.ERROR);
      assertThat(c.message()).hasValueSatisfying(m -> assertThat(m).startsWith("the account could not be scanned"));
    });
    assertThat(s.coverage()).filteredOn(c -> c.kind() == ResourceKind.IAM).singleElement()
        .satisfies(c -> assertThat(c.region()).isEqualTo(CoverageRecord.GLOBAL));
  }

  @Test
  void excludedAccountsAreNotPlanned() {
    Targets targets = new Targets(List.of(ACCOUNT, "210987654321"), false, List.of(), Optional.of("Scan"),
        List.of("210987654321"), List.of(), List.of(), Optional.empty(), Optional.empty(), 5, 4);
    assertThat(new LiveSnapshotSource(UNREACHABLE).plan(targets)).extracting(ScanPart::key).containsExactly(ACCOUNT);
  }

  @Test
  void theOrganizationPartsNamingAndAnAccountPartsReadingAreOneAccount() {
    Account named = new Account(ACCOUNT, Optional.of("prod"), Optional.of("ACTIVE"), List.of("r-ab12", "ou-ab12-11111111"));
    RegionInventory region = RegionInventory.empty("us-east-1");
    CollectionInfo info = new CollectionInfo("agentfence", "live", Optional.empty(), Optional.empty(), List.of(),
        List.of(), false);
    Snapshot orgPart = Snapshot.of(info, Optional.empty(), List.of(new AccountInventory(named, null, null)), List.of());
    IamInventory iam = new IamInventory(List.of(), List.of());
    Snapshot accountPart = Snapshot.of(info, Optional.empty(),
        List.of(new AccountInventory(Account.of(ACCOUNT), iam, List.of(region))),
        List.of(CoverageRecord.read(ACCOUNT, "us-east-1", ResourceKind.VPCS)));

    for (List<Snapshot> order : List.of(List.of(orgPart, accountPart), List.of(accountPart, orgPart))) {
      Snapshot merged = SnapshotMerger.merge(order);
      assertThat(merged.accounts()).singleElement().satisfies(a -> {
        assertThat(a.account()).isEqualTo(named);
        assertThat(a.regions()).containsExactly(region);
      });
    }
  }
}
