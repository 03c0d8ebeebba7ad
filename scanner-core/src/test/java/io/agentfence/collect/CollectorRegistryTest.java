package io.agentfence.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentfence.inventory.ResourceKind;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorRegistryTest {
  @Test
  void theShippedCollectorsDeclareEveryKindReadInAnAccount() {
    // The gaps of an unread scope cover every kind of ResourceKind: each must have a collector
    // that records it when the scope is read (ORGANIZATIONS belongs to the organization walk).
    assertThat(CollectorRegistry.standard().kinds())
        .isEqualTo(EnumSet.complementOf(EnumSet.of(ResourceKind.ORGANIZATIONS)));
  }

  @Test
  void callOrderIsAgentCoreThenNetwork() {
    assertThat(CollectorRegistry.standard().regional())
        .containsExactly(AgentCoreCollector.REGIONAL, NetworkCollector.REGIONAL);
  }

  @Test
  void aKindIsDeclaredOnceAndOnTheRightKindOfCollector() {
    RegionCollector vpcs = RegionCollector.of(List.of(NetworkCollector.VPCS), (c, r, i) -> {});
    assertThatThrownBy(() -> new CollectorRegistry(List.of(NetworkCollector.REGIONAL, vpcs), List.of()))
        .hasMessageContaining("VPCS is declared by two collectors");
    RegionCollector iam = RegionCollector.of(List.of(IamCollector.IAM), (c, r, i) -> {});
    assertThatThrownBy(() -> new CollectorRegistry(List.of(iam), List.of()))
        .hasMessageContaining("IAM is global");
    AccountCollector subnets = AccountCollector.of(List.of(NetworkCollector.SUBNETS), (c, r, i) -> {});
    assertThatThrownBy(() -> new CollectorRegistry(List.of(), List.of(subnets)))
        .hasMessageContaining("SUBNETS is not read once per account");
  }
}
