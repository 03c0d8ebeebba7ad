package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;

/** A security group with its egress rules (egress is what matters for containment). */
public record SecurityGroup(
    String id, String vpcId, String name, List<SecurityGroupRule> ingress, List<SecurityGroupRule> egress) {
  public SecurityGroup {
    Values.require(id, "security group id");
    vpcId = vpcId == null ? "" : vpcId;
    name = name == null ? "" : name;
    ingress = Values.list(ingress);
    egress = Values.list(egress);
  }
}
