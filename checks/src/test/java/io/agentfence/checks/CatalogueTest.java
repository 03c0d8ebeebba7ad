package io.agentfence.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.check.Check;
import io.agentfence.check.RuleArea;
import io.agentfence.check.RuleMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest {

  @Test
  void everyRuleHasAUniqueStableIdAndCompleteMetadata() {
    Set<String> ids = new HashSet<>();
    for (Check c : Catalogue.all()) {
      RuleMetadata m = c.metadata();
      assertThat(ids.add(m.id())).as("duplicate id " + m.id()).isTrue();
      assertThat(m.id()).matches("AF-[A-Z]{2,3}-\\d{3}");
      assertThat(List.of(m.name(), m.control(), m.summary(), m.rationale(), m.remediation().console(),
          m.remediation().cli(), m.remediation().terraform())).as(m.id()).allSatisfy(s -> assertThat(s).isNotBlank());
      assertThat(m.references()).as(m.id()).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("https://"));
    }
  }

  @Test
  void nonGuardrailSectionsShipTheirRulesAndTheVerdictComesLast() {
    List<String> ids = Catalogue.all().stream().map(c -> c.metadata().id()).toList();
    assertThat(ids).containsSubsequence("AF-COV-001", "AF-NET-001", "AF-NET-002", "AF-NET-003", "AF-NET-004",
        "AF-NET-005", "AF-NET-006", "AF-EGR-001", "AF-EGR-002", "AF-EGR-003", "AF-EGR-004", "AF-EGR-005",
        "AF-DNS-001", "AF-DNS-002", "AF-PL-001", "AF-PL-002", "AF-CNT-001");
    assertThat(Catalogue.all().get(ids.size() - 1).metadata().area()).isEqualTo(RuleArea.CONTAINMENT);
  }
}
