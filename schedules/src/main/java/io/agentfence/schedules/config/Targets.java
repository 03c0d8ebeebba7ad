package io.agentfence.schedules.config;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/**
 * What a scheduled scan reads: the same options as a live {@code agentfence scan}.
 *
 * @param accounts explicit account ids; with {@code org} the organization's accounts are added
 * @param org      discover accounts through AWS Organizations
 * @param regions  regions to read; empty means every enabled region
 * @param role     role name assumed in each account
 */
public record Targets(List<String> accounts, boolean org, List<String> regions, Optional<String> role) {
  public Targets {
    accounts = Values.list(accounts);
    regions = Values.list(regions);
    role = Values.opt(role);
  }

  /** A stable description of the scope: drift only compares runs with the same scope. */
  public String scopeKey() {
    return "accounts=" + String.join(",", accounts.stream().sorted().toList())
        + ";org=" + org
        + ";regions=" + String.join(",", regions.stream().sorted().toList());
  }
}
