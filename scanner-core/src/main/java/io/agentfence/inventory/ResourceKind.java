package io.agentfence.inventory;

/** Units of collection that coverage is recorded for. */
public enum ResourceKind {
  AGENT_RUNTIMES(false),
  BROWSERS(false),
  CODE_INTERPRETERS(false),
  VPCS(false),
  SUBNETS(false),
  ROUTE_TABLES(false),
  DHCP_OPTIONS(false),
  VPC_ENDPOINTS(false),
  SECURITY_GROUPS(false),
  NETWORK_INTERFACES(false),
  /** GetAccountAuthorizationDetails: policies, principals, boundaries. */
  IAM(true),
  /** Organizations: accounts, roots, OUs, SCPs. Recorded against the management account. */
  ORGANIZATIONS(true);

  private final boolean global;

  ResourceKind(boolean global) {
    this.global = global;
  }

  public boolean global() {
    return global;
  }
}
