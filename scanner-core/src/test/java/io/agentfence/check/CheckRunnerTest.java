package io.agentfence.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentfence.baseline.Baseline;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {
  private static final CheckContext CTX = CheckContext.of(
      Snapshot.of(CollectionInfo.empty(), Optional.empty(), List.of(), List.of()),
      new Baseline(1, "agentfence.yaml", List.of(), null, Map.of(), List.of()), LocalDate.of(2026, 1, 1));

  private static Finding finding(String rule, String id, Status status) {
    return new Finding(rule, status, Severity.HIGH,
        new ResourceRef("runtime", id, "arn:aws:test:us-east-1:111111111111:runtime/" + id, "111111111111", "us-east-1"),
        id, List.of(), Map.of());
  }

  @Rule(id = "AF-TEST-001", name = "plain", area = RuleArea.NETWORK_MODE, severity = Severity.HIGH,
      control = "test", summary = "s", rationale = "r", remediationConsole = "c", remediationCli = "c",
      remediationTerraform = "t")
  static final class Plain implements Check {
    int evaluations;

    @Override
    public List<Finding> evaluate(CheckContext context) {
      evaluations++;
      return List.of(finding("AF-TEST-001", "rt-2", Status.FAIL), finding("AF-TEST-001", "rt-1", Status.PASS));
    }
  }

  @Rule(id = "AF-TEST-009", name = "composite", area = RuleArea.CONTAINMENT, severity = Severity.HIGH,
      control = "test", summary = "s", rationale = "r", remediationConsole = "c", remediationCli = "c",
      remediationTerraform = "t")
  static final class Composite implements CompositeCheck {
    final List<Finding> seen = new ArrayList<>();

    @Override
    public List<Finding> evaluate(CheckContext context, List<Finding> prior) {
      seen.addAll(prior);
      return List.of(finding("AF-TEST-009", "rt-1", Status.UNKNOWN));
    }
  }

  @Test
  void compositeConsumesTheFindingsOfTheChecksEvaluatedOnce() {
    Plain plain = new Plain();
    Composite composite = new Composite();
    // Listed first, the composite still runs after the plain checks: it needs their findings.
    CheckRunner runner = new CheckRunner(List.of(composite, plain));
    List<Finding> out = runner.run(CTX);
    assertThat(plain.evaluations).isEqualTo(1);
    assertThat(composite.seen).extracting(f -> f.ruleId() + " " + f.resource().id() + " " + f.status())
        .containsExactly("AF-TEST-001 rt-2 FAIL", "AF-TEST-001 rt-1 PASS");
    assertThat(out).extracting(f -> f.ruleId() + " " + f.resource().id())
        .containsExactly("AF-TEST-001 rt-1", "AF-TEST-001 rt-2", "AF-TEST-009 rt-1");
    assertThat(runner.rules()).extracting(RuleMetadata::id).containsExactly("AF-TEST-009", "AF-TEST-001");
  }

  @Test
  void aCompositeCalledWithoutPriorFindingsRefusesRatherThanPassingEverything() {
    assertThatThrownBy(() -> new Composite().evaluate(CTX)).isInstanceOf(UnsupportedOperationException.class);
  }
}
