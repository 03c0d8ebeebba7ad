package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/**
 * An AWS account.
 *
 * @param id      12-digit account id
 * @param name    account name from Organizations, when known
 * @param status  Organizations state (ACTIVE, SUSPENDED, ...), when known
 * @param ouPath  organization parents from the root down, e.g. {@code [r-ab12, ou-ab12-11111111]};
 *                empty when the account was not discovered through Organizations. Needed to know
 *                which SCPs apply to the account.
 */
public record Account(String id, Optional<String> name, Optional<String> status, List<String> ouPath) {
  public Account {
    Values.require(id, "account id");
    name = Values.opt(name);
    status = Values.opt(status);
    ouPath = Values.list(ouPath);
  }

  public static Account of(String id) {
    return new Account(id, Optional.empty(), Optional.empty(), List.of());
  }
}
