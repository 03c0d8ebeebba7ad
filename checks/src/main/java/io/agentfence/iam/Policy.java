package io.agentfence.iam;

import java.util.List;
import java.util.Optional;

/**
 * A parsed policy document.
 *
 * @param source  what to call it in messages and decisions: a file path or a policy name/ARN
 * @param version the Version element, when present (policy variables need 2012-10-17 [D VARS])
 */
public record Policy(String source, Optional<String> version, List<Statement> statements) {
  public Policy {
    version = version == null ? Optional.empty() : version;
    statements = List.copyOf(statements);
  }

  public boolean variablesEnabled() {
    return version.filter("2012-10-17"::equals).isPresent();
  }

  public boolean hasAllow() {
    return statements.stream().anyMatch(s -> s.effect() == Effect.ALLOW);
  }
}
