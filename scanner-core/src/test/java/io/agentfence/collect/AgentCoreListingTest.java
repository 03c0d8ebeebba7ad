package io.agentfence.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.ResourceKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.BrowserSummary;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CodeInterpreterSummary;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ListAgentRuntimesRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ListAgentRuntimesResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ListBrowsersRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ListBrowsersResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ListCodeInterpretersRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ListCodeInterpretersResponse;

/**
 * A listed browser or code interpreter that we cannot identify must not be dropped from a kind
 * recorded READ: the kind becomes an ERROR gap, so checks on it say UNKNOWN instead of PASS.
 */
class AgentCoreListingTest {
  @Test
  void browserWithoutIdMakesTheKindUnread() {
    Reads reads = new Reads("111122223333", "us-east-1");
    AgentCoreCollector.collect(new Listing(BrowserSummary.builder().name("b").build(), null), reads);
    assertThat(status(reads, ResourceKind.BROWSERS)).isEqualTo(CoverageStatus.ERROR);
    assertThat(record(reads, ResourceKind.BROWSERS).errorCode()).contains("MalformedResponse");
    assertThat(status(reads, ResourceKind.CODE_INTERPRETERS)).isEqualTo(CoverageStatus.READ);
  }

  @Test
  void codeInterpreterWithoutIdMakesTheKindUnread() {
    Reads reads = new Reads("111122223333", "us-east-1");
    AgentCoreCollector.collect(new Listing(null, CodeInterpreterSummary.builder().name("c").build()), reads);
    assertThat(status(reads, ResourceKind.CODE_INTERPRETERS)).isEqualTo(CoverageStatus.ERROR);
    assertThat(status(reads, ResourceKind.BROWSERS)).isEqualTo(CoverageStatus.READ);
  }

  @Test
  void systemResourcesAreStillSkipped() {
    Reads reads = new Reads("111122223333", "us-east-1");
    var result = AgentCoreCollector.collect(new Listing(BrowserSummary.builder().browserId("aws.browser.v1").build(),
        CodeInterpreterSummary.builder().codeInterpreterId("aws.codeinterpreter.v1").build()), reads);
    assertThat(status(reads, ResourceKind.BROWSERS)).isEqualTo(CoverageStatus.READ);
    assertThat(status(reads, ResourceKind.CODE_INTERPRETERS)).isEqualTo(CoverageStatus.READ);
    assertThat(result.browsers()).isEmpty();
    assertThat(result.codeInterpreters()).isEmpty();
  }

  private static CoverageRecord record(Reads reads, ResourceKind kind) {
    return reads.coverage().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
  }

  private static CoverageStatus status(Reads reads, ResourceKind kind) {
    return record(reads, kind).status();
  }

  /** One page of each listing; no runtimes. Any other call fails the test (interface default). */
  private static final class Listing implements BedrockAgentCoreControlClient {
    private final Optional<BrowserSummary> browser;
    private final Optional<CodeInterpreterSummary> interpreter;

    Listing(BrowserSummary browser, CodeInterpreterSummary interpreter) {
      this.browser = Optional.ofNullable(browser);
      this.interpreter = Optional.ofNullable(interpreter);
    }

    @Override
    public ListAgentRuntimesResponse listAgentRuntimes(ListAgentRuntimesRequest r) {
      return ListAgentRuntimesResponse.builder().build();
    }

    @Override
    public ListBrowsersResponse listBrowsers(ListBrowsersRequest r) {
      return ListBrowsersResponse.builder().browserSummaries(browser.stream().toList()).build();
    }

    @Override
    public ListCodeInterpretersResponse listCodeInterpreters(ListCodeInterpretersRequest r) {
      return ListCodeInterpretersResponse.builder().codeInterpreterSummaries(interpreter.stream().toList()).build();
    }

    @Override
    public String serviceName() {
      return "bedrock-agentcore";
    }

    @Override
    public void close() {}
  }
}
