package io.agentfence.baseline;

import io.agentfence.util.Values;
import java.util.List;

/**
 * An approved place for agents: the VPC in which runtimes and tools may run in these accounts and
 * regions, the subnets and security groups they may use, and the inspection targets their default
 * route must reach (an ENI, instance, Gateway Load Balancer endpoint, or transit gateway).
 */
public record LandingZone(
    String name,
    List<String> accounts,
    List<String> regions,
    String vpcId,
    List<String> approvedSubnets,
    List<String> approvedSecurityGroups,
    List<String> inspectionTargets) {
  public LandingZone {
    Values.require(name, "landing zone name");
    accounts = Values.list(accounts);
    regions = Values.list(regions);
    Values.require(vpcId, "landing zone vpcId");
    approvedSubnets = Values.list(approvedSubnets);
    approvedSecurityGroups = Values.list(approvedSecurityGroups);
    inspectionTargets = Values.list(inspectionTargets);
  }

  public boolean covers(String accountId, String region) {
    return accounts.contains(accountId) && regions.contains(region);
  }
}
