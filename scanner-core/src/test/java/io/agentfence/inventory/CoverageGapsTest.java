package io.agentfence.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoverageGapsTest {
  private static final CoverageGaps.Cause DENIED =
      CoverageGaps.Cause.of(CoverageStatus.DENIED, "AssumeRole", "AccessDenied", "no");
  private static final List<ResourceKind> REGIONAL =
      Arrays.stream(ResourceKind.values()).filter(k -> !k.global()).toList();

  @Test
  void anAccountGapCoversEveryPerAccountKindAndEveryRegionalKindInEachRegion() {
    List<CoverageRecord> gaps = CoverageGaps.account("111122223333", List.of("us-east-1", "eu-west-1"), DENIED);
    assertThat(gaps).filteredOn(c -> c.region().equals(CoverageRecord.GLOBAL))
        .extracting(CoverageRecord::kind).containsExactly(ResourceKind.IAM);
    assertThat(gaps).filteredOn(c -> c.region().equals("eu-west-1"))
        .extracting(CoverageRecord::kind).containsExactlyElementsOf(REGIONAL);
    assertThat(gaps).hasSize(1 + 2 * REGIONAL.size()).allSatisfy(c -> {
      assertThat(c.accountId()).isEqualTo("111122223333");
      assertThat(c.status()).isEqualTo(CoverageStatus.DENIED);
      assertThat(c.operation()).contains("AssumeRole");
      assertThat(c.errorCode()).contains("AccessDenied");
      assertThat(c.message()).contains("no");
    });
  }

  @Test
  void noRegionsMeansAllRegionsUnderOneMarker() {
    List<CoverageRecord> gaps = CoverageGaps.regions("111122223333", List.of(),
        CoverageGaps.Cause.internal("Cancelled", "cancelled"));
    assertThat(gaps).extracting(CoverageRecord::region).containsOnly(CoverageGaps.ALL_REGIONS);
    assertThat(gaps).extracting(CoverageRecord::operation).containsOnly(Optional.empty());
    assertThat(gaps).noneMatch(CoverageGaps::namesRegion);
    assertThat(CoverageGaps.namesRegion(CoverageRecord.read("111122223333", "us-east-1", ResourceKind.VPCS))).isTrue();
  }
}
