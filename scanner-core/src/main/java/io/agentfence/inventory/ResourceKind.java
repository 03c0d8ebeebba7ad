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

  /** Read once per account (or organization), recorded with region {@link CoverageRecord#GLOBAL}. */
  public boolean global() {
    return global;
  }

  /**
   * Global and read in every account (IAM and the like), as opposed to {@link #ORGANIZATIONS},
   * which is read once for the whole organization.
   */
  public boolean perAccount() {
    return global && this != ORGANIZATIONS;
  }
}
