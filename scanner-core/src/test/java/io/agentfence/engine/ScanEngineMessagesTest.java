package io.agentfence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanEngineMessagesTest {
  @Test
  void theCredentialChainDumpIsCutToItsFirstSentence() {
    String sdk = "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain("
        + "credentialsProviders=[SystemPropertyCredentialsProvider(), EnvironmentVariableCredentialsProvider()])"
        + " : [SystemPropertyCredentialsProvider(): Unable to load credentials from system settings. Access key"
        + " must be specified either via environment variable (AWS_ACCESS_KEY_ID) or system property"
        + " (aws.accessKeyId)., EnvironmentVariableCredentialsProvider(): Unable to load credentials ...]";
    assertThat(ScanEngine.brief(sdk)).isEqualTo("Unable to load credentials from any of the providers in the chain");
  }

  @Test
  void otherMessagesAreKeptButBounded() {
    assertThat(ScanEngine.brief("The security token included in the request is invalid."))
        .isEqualTo("The security token included in the request is invalid.");
    assertThat(ScanEngine.brief("x".repeat(1000))).hasSize(300).endsWith("...");
    assertThat(ScanEngine.brief(null)).isEqualTo("no details");
  }
}
