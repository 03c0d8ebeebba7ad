package io.agentfence.check.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnGlobTest {
  static final String ARN = "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/agent_one-AbC123";

  @Test
  void singleStarStaysWithinASegment() {
    assertThat(ArnGlob.of("arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/agent_one-*").matches(ARN)).isTrue();
    assertThat(ArnGlob.of("arn:aws:bedrock-agentcore:*:111122223333:runtime/*").matches(ARN)).isTrue();
    assertThat(ArnGlob.of("arn:aws:bedrock-agentcore:*").matches(ARN)).isFalse();
    assertThat(ArnGlob.of("arn:aws:bedrock-agentcore:us-east-1:111122223333:*").matches(ARN)).isFalse();
  }

  @Test
  void doubleStarCrossesSegments() {
    assertThat(ArnGlob.of("arn:aws:bedrock-agentcore:**").matches(ARN)).isTrue();
    assertThat(ArnGlob.of("**:runtime/agent_one-AbC12?").matches(ARN)).isTrue();
    assertThat(ArnGlob.of("arn:aws:ec2:**").matches(ARN)).isFalse();
  }

  @Test
  void literalCharactersAreNotRegex() {
    assertThat(ArnGlob.of("arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/agent_one-AbC1.3").matches(ARN)).isFalse();
    assertThat(ArnGlob.of("").matches(ARN)).isTrue();
    assertThat(ArnGlob.of(ARN).matches(ARN)).isTrue();
  }
}
