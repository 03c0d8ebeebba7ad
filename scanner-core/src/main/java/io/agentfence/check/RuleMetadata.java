package io.agentfence.check;

import io.agentfence.finding.Severity;
import io.agentfence.util.Values;
import java.util.List;

/**
 * A rule's metadata as a value, so reporters and the CLI can render rules without knowing the
 * classes that implement them.
 */
public record RuleMetadata(
    String id,
    String name,
    RuleArea area,
    Severity severity,
    String control,
    String summary,
    String rationale,
    Remediation remediation,
    List<String> references) {
  public RuleMetadata {
    Values.require(id, "rule id");
    Values.require(name, "rule name");
    references = Values.list(references);
  }

  public static RuleMetadata of(Rule r) {
    return new RuleMetadata(
        r.id(), r.name(), r.area(), r.severity(), r.control(), r.summary(), r.rationale(),
        new Remediation(r.remediationConsole(), r.remediationCli(), r.remediationTerraform()),
        List.of(r.references()));
  }

  /** How to fix a failure, Prowler-style: console steps, CLI and Terraform. */
  public record Remediation(String console, String cli, String terraform) {}
}
