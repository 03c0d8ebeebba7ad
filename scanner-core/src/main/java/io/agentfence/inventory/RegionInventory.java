package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/** AgentCore resources and the network around them in one (account, region). */
public record RegionInventory(
    String region,
    List<AgentRuntime> runtimes,
    List<Browser> browsers,
    List<CodeInterpreter> codeInterpreters,
    List<Vpc> vpcs,
    List<Subnet> subnets,
    List<RouteTable> routeTables,
    List<DhcpOptions> dhcpOptions,
    List<VpcEndpoint> vpcEndpoints,
    List<SecurityGroup> securityGroups,
    List<NetworkInterface> networkInterfaces) {

  public RegionInventory {
    Values.require(region, "region");
    runtimes = Values.list(runtimes);
    browsers = Values.list(browsers);
    codeInterpreters = Values.list(codeInterpreters);
    vpcs = Values.list(vpcs);
    subnets = Values.list(subnets);
    routeTables = Values.list(routeTables);
    dhcpOptions = Values.list(dhcpOptions);
    vpcEndpoints = Values.list(vpcEndpoints);
    securityGroups = Values.list(securityGroups);
    networkInterfaces = Values.list(networkInterfaces);
  }

  public static RegionInventory empty(String region) {
    return new RegionInventory(region, null, null, null, null, null, null, null, null, null, null);
  }

  public Optional<Vpc> vpc(String id) {
    return vpcs.stream().filter(v -> v.id().equals(id)).findFirst();
  }

  public Optional<Subnet> subnet(String id) {
    return subnets.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<DhcpOptions> dhcpOptionsSet(String id) {
    return dhcpOptions.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public Optional<SecurityGroup> securityGroup(String id) {
    return securityGroups.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * The route table in effect for a subnet: its explicit association, else its VPC's main table
   * (DescribeRouteTables does not return implicit associations).
   */
  public Optional<EffectiveRouteTable> effectiveRouteTable(String subnetId) {
    for (RouteTable rt : routeTables) {
      for (RouteTableAssociation a : rt.associations()) {
        if (a.subnetId().filter(subnetId::equals).isPresent()) {
          return Optional.of(new EffectiveRouteTable(rt, false));
        }
      }
    }
    return subnet(subnetId)
        .flatMap(s -> routeTables.stream()
            .filter(rt -> rt.vpcId().equals(s.vpcId()))
            .filter(rt -> rt.associations().stream().anyMatch(RouteTableAssociation::main))
            .findFirst())
        .map(rt -> new EffectiveRouteTable(rt, true));
  }

  /** A subnet's route table and whether it applies through the VPC main-table fallback. */
  public record EffectiveRouteTable(RouteTable table, boolean viaMain) {}
}
