package io.agentfence.inventory;

/** Outcome of reading one (account, region, resource kind). Only READ means the data is there. */
public enum CoverageStatus {
  READ,
  DENIED,
  THROTTLED_OUT,
  ROLE_NOT_ASSUMABLE,
  REGION_DISABLED,
  NOT_OFFERED,
  ERROR,
  /**
   * Not read from AWS: the snapshot is a Terraform plan's proposed world ({@code check
   * --terraform-plan} without an inventory), and a plan holds only the resources it manages.
   */
  NOT_IN_PLAN;

  /**
   * Whether this outcome leaves nothing unread: the region being disabled or AgentCore not being
   * offered there means no resource can exist, which is a complete answer.
   */
  public boolean isComplete() {
    return this == READ || this == REGION_DISABLED || this == NOT_OFFERED;
  }
}
