package io.agentfence.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.ResourceKind;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ThrottlingException;

/** How failures become coverage: the exact place peer scanners turn AccessDenied into "nothing". */
class ReadFailureTest {
  @Test
  void accessDeniedIsDeniedWithCodeAndMessage() {
    var e = AccessDeniedException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
        .errorCode("AccessDeniedException").errorMessage("not authorized: ListAgentRuntimes").build()).build();
    CoverageRecord r = ReadFailure.of(ReadOperation.AGENTCORE_LIST_AGENT_RUNTIMES, e)
        .record("111122223333", "us-east-1", ResourceKind.AGENT_RUNTIMES);
    assertThat(r.status()).isEqualTo(CoverageStatus.DENIED);
    assertThat(r.operation()).contains("ListAgentRuntimes");
    assertThat(r.errorCode()).contains("AccessDeniedException");
    assertThat(r.message()).contains("not authorized: ListAgentRuntimes");
  }

  @Test
  void ec2UnauthorizedOperationIsDenied() {
    var e = Ec2Exception.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
        .errorCode("UnauthorizedOperation").errorMessage("You are not authorized").build()).build();
    assertThat(ReadFailure.of(ReadOperation.EC2_DESCRIBE_VPCS, e).status()).isEqualTo(CoverageStatus.DENIED);
  }

  @Test
  void throttlingAfterRetriesIsThrottledOut() {
    var e = ThrottlingException.builder().statusCode(429).awsErrorDetails(AwsErrorDetails.builder()
        .errorCode("ThrottlingException").errorMessage("Rate exceeded").build()).build();
    ReadFailure f = ReadFailure.of(ReadOperation.AGENTCORE_GET_AGENT_RUNTIME, e);
    assertThat(f.status()).isEqualTo(CoverageStatus.THROTTLED_OUT);
    assertThat(f.getMessage()).startsWith("Rate exceeded");
  }

  @Test
  void serverErrorIsError() {
    var e = Ec2Exception.builder().statusCode(500).awsErrorDetails(AwsErrorDetails.builder()
        .errorCode("InternalError").errorMessage("boom").build()).build();
    assertThat(ReadFailure.of(ReadOperation.EC2_DESCRIBE_SUBNETS, e).status()).isEqualTo(CoverageStatus.ERROR);
  }

  @Test
  void unknownHostForAgentCoreMeansNotOfferedButNotForOtherServices() {
    var e = SdkClientException.create("Unable to execute HTTP request",
        new UnknownHostException("bedrock-agentcore-control.xx-east-9.amazonaws.com"));
    assertThat(ReadFailure.of(ReadOperation.AGENTCORE_LIST_AGENT_RUNTIMES, e).status())
        .isEqualTo(CoverageStatus.NOT_OFFERED);
    assertThat(ReadFailure.of(ReadOperation.EC2_DESCRIBE_VPCS, e).status()).isEqualTo(CoverageStatus.ERROR);
  }

  @Test
  void aDroppedConnectionIsAnErrorNeverComplete() {
    var e = SdkClientException.create("The target server failed to respond");
    ReadFailure f = ReadFailure.of(ReadOperation.AGENTCORE_LIST_AGENT_RUNTIMES, e);
    assertThat(f.status()).isEqualTo(CoverageStatus.ERROR);
    assertThat(f.status().isComplete()).isFalse();
  }

  @Test
  void cancellationIsNotACoverageOutcome() {
    assertThatThrownBy(() -> ReadFailure.of(ReadOperation.EC2_DESCRIBE_VPCS, AbortedException.create("interrupted")))
        .isInstanceOf(ScanCancelledException.class);
  }

  @Test
  void ourOwnMappingFailureIsARecordedErrorOfTheKind() {
    Reads reads = new Reads("111122223333", "us-east-1");
    boolean ok = reads.kind(NetworkCollector.SUBNETS, () -> {
      throw new IllegalArgumentException("subnet id is required");
    });
    assertThat(ok).isFalse();
    assertThat(reads.coverage()).singleElement().satisfies(c -> {
      assertThat(c.status()).isEqualTo(CoverageStatus.ERROR);
      assertThat(c.operation()).contains("DescribeSubnets");
      assertThat(c.message()).contains("subnet id is required");
    });
  }

  @Test
  void globalKindsAreRecordedUnderGlobal() {
    var e = SdkClientException.create("x");
    assertThat(ReadFailure.of(ReadOperation.IAM_GET_ACCOUNT_AUTHORIZATION_DETAILS, e)
        .record("111122223333", "us-east-1", ResourceKind.IAM).region()).isEqualTo(CoverageRecord.GLOBAL);
    assertThat(List.of(ReadOperation.values())).allSatisfy(o -> assertThat(o.iamAction()).doesNotContain("*"));
  }
}
