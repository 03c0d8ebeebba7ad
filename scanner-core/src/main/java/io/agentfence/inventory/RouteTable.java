package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;

/** A route table with its associations (the main association included) and routes. */
public record RouteTable(
    String id, String vpcId, List<RouteTableAssociation> associations, List<Route> routes) {
  public RouteTable {
    Values.require(id, "route table id");
    Values.require(vpcId, "route table vpcId");
    associations = Values.list(associations);
    routes = Values.list(routes);
  }

  public boolean isMain() {
    return associations.stream().anyMatch(RouteTableAssociation::main);
  }
}
