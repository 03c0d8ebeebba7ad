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
    return builder(region).build();
  }

  /**
   * Builds a region inventory by name, so that adding a kind of resource adds one setter here
   * instead of changing every constructor call in four modules.
   */
  public static Builder builder(String region) {
    return new Builder(region);
  }

  /** A builder holding this inventory's values, to replace some of them. */
  public Builder toBuilder() {
    return new Builder(region)
        .runtimes(runtimes)
        .browsers(browsers)
        .codeInterpreters(codeInterpreters)
        .vpcs(vpcs)
        .subnets(subnets)
        .routeTables(routeTables)
        .dhcpOptions(dhcpOptions)
        .vpcEndpoints(vpcEndpoints)
        .securityGroups(securityGroups)
        .networkInterfaces(networkInterfaces);
  }

  /** Mutable and single-use; absent lists are empty. */
  public static final class Builder {
    private final String region;
    private List<AgentRuntime> runtimes = List.of();
    private List<Browser> browsers = List.of();
    private List<CodeInterpreter> codeInterpreters = List.of();
    private List<Vpc> vpcs = List.of();
    private List<Subnet> subnets = List.of();
    private List<RouteTable> routeTables = List.of();
    private List<DhcpOptions> dhcpOptions = List.of();
    private List<VpcEndpoint> vpcEndpoints = List.of();
    private List<SecurityGroup> securityGroups = List.of();
    private List<NetworkInterface> networkInterfaces = List.of();

    private Builder(String region) {
      this.region = region;
    }

    public Builder runtimes(List<AgentRuntime> v) {
      runtimes = v;
      return this;
    }

    public Builder browsers(List<Browser> v) {
      browsers = v;
      return this;
    }

    public Builder codeInterpreters(List<CodeInterpreter> v) {
      codeInterpreters = v;
      return this;
    }

    public Builder vpcs(List<Vpc> v) {
      vpcs = v;
      return this;
    }

    public Builder subnets(List<Subnet> v) {
      subnets = v;
      return this;
    }

    public Builder routeTables(List<RouteTable> v) {
      routeTables = v;
      return this;
    }

    public Builder dhcpOptions(List<DhcpOptions> v) {
      dhcpOptions = v;
      return this;
    }

    public Builder vpcEndpoints(List<VpcEndpoint> v) {
      vpcEndpoints = v;
      return this;
    }

    public Builder securityGroups(List<SecurityGroup> v) {
      securityGroups = v;
      return this;
    }

    public Builder networkInterfaces(List<NetworkInterface> v) {
      networkInterfaces = v;
      return this;
    }

    public RegionInventory build() {
      return new RegionInventory(region, runtimes, browsers, codeInterpreters, vpcs, subnets, routeTables,
          dhcpOptions, vpcEndpoints, securityGroups, networkInterfaces);
    }
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
