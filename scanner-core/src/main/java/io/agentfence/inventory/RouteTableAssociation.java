package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.Optional;

/**
 * A route table association: the VPC main association ({@code main = true}, no subnet), an explicit
 * subnet association, or an edge association with a gateway.
 */
public record RouteTableAssociation(
    String id, boolean main, Optional<String> subnetId, Optional<String> gatewayId, String state) {
  public RouteTableAssociation {
    id = id == null ? "" : id;
    subnetId = Values.opt(subnetId);
    gatewayId = Values.opt(gatewayId);
    state = state == null ? "associated" : state;
  }
}
