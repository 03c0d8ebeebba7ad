package io.agentfence.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentfence.inventory.CoverageStatus;
import org.junit.jupiter.api.Test;

/** IAM returns URL-encoded documents that SDK v2 does not decode. */
class IamDecodeTest {
  @Test
  void documentsAreUrlDecodedAsUtf8() {
    String encoded = "%7B%22Sid%22%3A%22A%20b%2Bc%2Fd%22%2C%22t%22%3A%22caf%C3%A9%22%7D";
    assertThat(IamCollector.decode("p", encoded).json()).isEqualTo("{\"Sid\":\"A b+c/d\",\"t\":\"café\"}");
  }

  @Test
  void brokenEncodingIsAMalformedResponse() {
    assertThatThrownBy(() -> IamCollector.decode("arn:aws:iam::1:policy/x", "%7B%ZZ"))
        .isInstanceOfSatisfying(ReadFailure.class, f -> {
          assertThat(f.status()).isEqualTo(CoverageStatus.ERROR);
          assertThat(f.getMessage()).contains("arn:aws:iam::1:policy/x");
        });
  }

  @Test
  void awsManagedPoliciesAreRecognisedInEveryPartition() {
    assertThat(IamCollector.isAwsManaged("arn:aws:iam::aws:policy/ReadOnlyAccess")).isTrue();
    assertThat(IamCollector.isAwsManaged("arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess")).isTrue();
    assertThat(IamCollector.isAwsManaged("arn:aws:iam::111122223333:policy/aws")).isFalse();
  }
}
