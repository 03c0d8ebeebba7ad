package io.agentfence.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.check.RuleMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is the catalogue as users read it, rendered from the rules' metadata so it cannot
 * drift from the code. Run with {@code -Dagentfence.regenerate=true} to rewrite it.
 */
class RulesDocTest {
  private static final Path DOC = Path.of("../docs/rules.md");

  @Test
  void docsListEveryRuleWithItsMetadata() throws IOException {
    String rendered = render(Catalogue.runner().rules());
    if (Boolean.getBoolean("agentfence.regenerate")) {
      Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(rendered);
  }

  static String render(List<RuleMetadata> rules) {
    StringBuilder sb = new StringBuilder();
    sb.append("# agentfence rule catalogue\n\n")
        .append("<!-- Generated from the rules' @Rule metadata by RulesDocTest (checks module); do not edit by hand.\n")
        .append("     Regenerate: mvn -pl checks -am test -Dtest=RulesDocTest -Dagentfence.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false -->\n\n")
        .append("Every rule emits, per resource in scope, **PASS**, **FAIL** or **UNKNOWN**. UNKNOWN means the data the\n")
        .append("rule needs was not read (a denied, throttled or never-attempted read, a runtime version that was not\n")
        .append("fetched, a subnet missing from the inventory); it is never reported as PASS. Where a whole listing was\n")
        .append("not read (e.g. `ListAgentRuntimes` denied), the network-mode rules emit one UNKNOWN for that account and\n")
        .append("region, so an unread scope is visible rather than silently empty.\n\n")
        .append("Special cases:\n\n")
        .append("- **AF-COV-001** has one finding per (account, region) and per (account, `global`) for IAM. FAIL lists each\n")
        .append("  kind not read (status, AWS error code, operation, message); MEDIUM severity, so with the default\n")
        .append("  `--fail-on high` an incomplete scan exits 3. UNKNOWN: the scope is in play (a landing zone of the\n")
        .append("  baseline names it, or the account was scanned) but there is no coverage record for it at all.\n")
        .append("- **AF-CNT-001** is one verdict per runtime over every other rule: a finding bears on the runtime when it\n")
        .append("  is about the runtime, one of its endpoints, a VPC its subnets are in, or its account as a whole (region\n")
        .append("  `global`, e.g. the guardrail rules). FAIL if any of them fails; UNKNOWN if none fails but one is unknown\n")
        .append("  or the coverage of the runtime's account/region is incomplete; else PASS. Its evidence lists each broken\n")
        .append("  link with its rule id.\n")
        .append("- Egress rules resolve each subnet's effective route table (explicit association, else the VPC main\n")
        .append("  table) and use longest-prefix match; their evidence is the chain runtime → subnet → route table\n")
        .append("  (explicit/main) → route → target.\n\n")
        .append("| id | name | area | severity | control |\n| --- | --- | --- | --- | --- |\n");
    for (RuleMetadata r : rules) {
      sb.append("| [").append(r.id()).append("](#").append(r.id().toLowerCase()).append(") | ").append(r.name())
          .append(" | ").append(r.area()).append(" | ").append(r.severity()).append(" | ").append(r.control()).append(" |\n");
    }
    for (RuleMetadata r : rules) {
      sb.append("\n## ").append(r.id()).append("\n\n**").append(r.name()).append("** — ").append(r.area())
          .append(", default severity ").append(r.severity()).append(", control: ").append(r.control()).append("\n\n")
          .append("- **Checks:** ").append(r.summary()).append("\n")
          .append("- **Why:** ").append(r.rationale()).append("\n")
          .append("- **Fix (console):** ").append(r.remediation().console()).append("\n")
          .append("- **Fix (CLI):** `").append(r.remediation().cli().replace("`", "'")).append("`\n")
          .append("- **Fix (Terraform):** `").append(r.remediation().terraform().replace("`", "'")).append("`\n");
      if (!r.references().isEmpty()) {
        sb.append("- **References:** ");
        sb.append(String.join(", ", r.references().stream().map(u -> "<" + u + ">").toList())).append("\n");
      }
    }
    return sb.toString();
  }
}
