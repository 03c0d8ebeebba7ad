package io.agentfence.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetIdsTest {
  @Test
  void regionsOfEveryPartitionWithOneOrTwoDigits() {
    assertThat(List.of("us-east-1", "eu-central-2", "us-gov-west-1", "cn-north-1", "us-iso-east-1",
        "us-isob-east-1", "ap-southeast-5", "us-east-10")).allMatch(TargetIds::region);
    assertThat(List.of("us-east", "US-EAST-1", "nowhere", "us-east-1a", "us-east-100", "useast-1", ""))
        .noneMatch(TargetIds::region);
    assertThat(TargetIds.region(null)).isFalse();
  }

  @Test
  void accountsAndOrganizationIds() {
    assertThat(TargetIds.account("012345678901")).isTrue();
    assertThat(List.of("12345678901", "1234567890123", "12345678901a")).noneMatch(TargetIds::account);
    assertThat(List.of("r-ab12", "ou-ab12-11111111")).allMatch(TargetIds::ou);
    assertThat(List.of("ou-ab12", "r-a", "OU-ab12-11111111", "111122223333")).noneMatch(TargetIds::ou);
  }
}
