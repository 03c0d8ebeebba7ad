package io.agentfence.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.inventory.Account;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetSpecTest {
  private static TargetSpec spec(Set<String> inAcc, Set<String> exAcc, Set<String> inOu, Set<String> exOu, String runId) {
    return new TargetSpec(List.of(), List.of(), true, inAcc, exAcc, inOu, exOu, Optional.of("R"), Optional.empty(),
        runId, "us-east-1");
  }

  @Test
  void ouFiltersMatchAnywhereOnThePath() {
    Account deep = new Account("111122223333", Optional.empty(), Optional.of("ACTIVE"),
        List.of("r-ab12", "ou-ab12-11111111", "ou-ab12-22222222"));
    assertThat(spec(Set.of(), Set.of(), Set.of("ou-ab12-11111111"), Set.of(), "x").ouSelected(deep)).isTrue();
    assertThat(spec(Set.of(), Set.of(), Set.of(), Set.of("ou-ab12-11111111"), "x").ouSelected(deep)).isFalse();
    assertThat(spec(Set.of(), Set.of(), Set.of("ou-ab12-99999999"), Set.of(), "x").ouSelected(deep)).isFalse();
  }

  @Test
  void accountFiltersAndStates() {
    TargetSpec s = spec(Set.of("111122223333"), Set.of("444455556666"), Set.of(), Set.of(), "x");
    assertThat(s.idSelected("111122223333")).isTrue();
    assertThat(s.idSelected("999988887777")).isFalse();
    assertThat(spec(Set.of(), Set.of("444455556666"), Set.of(), Set.of(), "x").idSelected("444455556666")).isFalse();
    assertThat(TargetSpec.scannable(new Account("1", Optional.empty(), Optional.of("SUSPENDED"), List.of()))).isFalse();
    assertThat(TargetSpec.scannable(new Account("1", Optional.empty(), Optional.of("PENDING_CLOSURE"), List.of()))).isFalse();
    assertThat(TargetSpec.scannable(new Account("1", Optional.empty(), Optional.of("ACTIVE"), List.of()))).isTrue();
    assertThat(TargetSpec.scannable(Account.of("1"))).isTrue();
  }

  @Test
  void sessionNameIdentifiesAgentfenceAndIsValidForSts() {
    assertThat(spec(Set.of(), Set.of(), Set.of(), Set.of(), "20261122T001500Z").sessionName())
        .isEqualTo("agentfence-20261122T001500Z");
    String odd = spec(Set.of(), Set.of(), Set.of(), Set.of(), "a b/c:" + "x".repeat(80)).sessionName();
    assertThat(odd).startsWith("agentfence-a-b-c-").hasSizeLessThanOrEqualTo(64).matches("[\\w+=,.@-]+");
  }

  @Test
  void partitionComesFromTheCallerArn() {
    assertThat(new Caller("1", "arn:aws-us-gov:iam::1:user/x").partition()).isEqualTo("aws-us-gov");
    assertThat(new Caller("1", "arn:aws:sts::1:assumed-role/r/s").partition()).isEqualTo("aws");
  }

  @Test
  void theBuilderReadsNamedAccountsAsTheUserMeansThem() {
    TargetSpec direct = TargetSpec.builder("r", "eu-west-1").accounts(List.of("111122223333"))
        .roleName(Optional.of("R")).build();
    assertThat(direct.accounts()).containsExactly("111122223333");
    assertThat(direct.includeAccounts()).isEmpty();
    assertThat(direct.homeRegion()).isEqualTo("eu-west-1");
    // With an organization, named accounts narrow its accounts instead of being entered directly.
    TargetSpec org = TargetSpec.builder("r", "us-east-1").accounts(List.of("111122223333")).org(true)
        .includeAccounts(List.of("444455556666")).excludeOus(List.of("r-ab12")).build();
    assertThat(org.accounts()).isEmpty();
    assertThat(org.includeAccounts()).containsExactlyInAnyOrder("111122223333", "444455556666");
    assertThat(org.excludeOus()).containsExactly("r-ab12");
    assertThat(org.roleName()).isEmpty();
  }
}
