package io.agentfence.collect;

import static io.agentfence.collect.Reads.call;

import io.agentfence.inventory.DhcpOptions;
import io.agentfence.inventory.NetworkInterface;
import io.agentfence.inventory.PolicyDocument;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.Route;
import io.agentfence.inventory.RouteTable;
import io.agentfence.inventory.RouteTableAssociation;
import io.agentfence.inventory.RouteTarget;
import io.agentfence.inventory.RouteTargetType;
import io.agentfence.inventory.SecurityGroup;
import io.agentfence.inventory.SecurityGroupRule;
import io.agentfence.inventory.Subnet;
import io.agentfence.inventory.Vpc;
import io.agentfence.inventory.VpcEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * Reads the network around AgentCore in one (account, region) with one paginated call per kind.
 *
 * <p>Scope: every VPC of the region, not only the VPCs AgentCore resources reference. The checks
 * need landing-zone VPCs that have no runtime yet (PrivateLink endpoints, DNS), and reading
 * "everything" costs the same one call per kind as a filtered read, while a filtered read would
 * have to wait for the AgentCore reads and could not answer for landing-zone VPCs. The only
 * per-resource call is DescribeVpcAttribute (EC2 returns one attribute of one VPC per call).
 * ENIs are the exception to "everything": only those tagged AmazonBedrockAgentCoreManaged=true,
 * filtered server-side, since a region can hold tens of thousands of unrelated ENIs.
 */
public final class NetworkCollector {
  public static final String AGENTCORE_ENI_TAG = "AmazonBedrockAgentCoreManaged";

  static final KindReads VPCS = KindReads.of(ResourceKind.VPCS,
      ReadOperation.EC2_DESCRIBE_VPCS, ReadOperation.EC2_DESCRIBE_VPC_ATTRIBUTE);
  static final KindReads SUBNETS = KindReads.of(ResourceKind.SUBNETS, ReadOperation.EC2_DESCRIBE_SUBNETS);
  static final KindReads ROUTE_TABLES = KindReads.of(ResourceKind.ROUTE_TABLES,
      ReadOperation.EC2_DESCRIBE_ROUTE_TABLES);
  static final KindReads DHCP_OPTIONS = KindReads.of(ResourceKind.DHCP_OPTIONS,
      ReadOperation.EC2_DESCRIBE_DHCP_OPTIONS);
  static final KindReads VPC_ENDPOINTS = KindReads.of(ResourceKind.VPC_ENDPOINTS,
      ReadOperation.EC2_DESCRIBE_VPC_ENDPOINTS);
  static final KindReads SECURITY_GROUPS = KindReads.of(ResourceKind.SECURITY_GROUPS,
      ReadOperation.EC2_DESCRIBE_SECURITY_GROUPS);
  static final KindReads NETWORK_INTERFACES = KindReads.of(ResourceKind.NETWORK_INTERFACES,
      ReadOperation.EC2_DESCRIBE_NETWORK_INTERFACES);

  /**
   * Registration (see {@link CollectorRegistry}). Runs after AgentCore in each region unit, and
   * also where AgentCore answered "no endpoint here" (see {@link AgentCoreCollector#collect}).
   */
  public static final RegionCollector REGIONAL = RegionCollector.of(
      List.of(VPCS, SUBNETS, ROUTE_TABLES, DHCP_OPTIONS, VPC_ENDPOINTS, SECURITY_GROUPS, NETWORK_INTERFACES),
      (clients, reads, into) -> {
        Result n = collect(clients.open(Ec2Client.builder(), ReadOperation.Service.EC2), reads);
        into.vpcs(n.vpcs()).subnets(n.subnets()).routeTables(n.routeTables()).dhcpOptions(n.dhcpOptions())
            .vpcEndpoints(n.vpcEndpoints()).securityGroups(n.securityGroups())
            .networkInterfaces(n.networkInterfaces());
      });

  private NetworkCollector() {}

  public record Result(
      List<Vpc> vpcs, List<io.agentfence.inventory.Subnet> subnets, List<RouteTable> routeTables,
      List<DhcpOptions> dhcpOptions, List<VpcEndpoint> vpcEndpoints, List<SecurityGroup> securityGroups,
      List<NetworkInterface> networkInterfaces) {}

  public static Result collect(Ec2Client ec2, Reads reads) {
    List<Vpc> vpcs = new ArrayList<>();
    List<Subnet> subnets = new ArrayList<>();
    List<RouteTable> routeTables = new ArrayList<>();
    List<DhcpOptions> dhcp = new ArrayList<>();
    List<VpcEndpoint> endpoints = new ArrayList<>();
    List<SecurityGroup> groups = new ArrayList<>();
    List<NetworkInterface> enis = new ArrayList<>();
    reads.kind(VPCS, () -> readVpcs(ec2, vpcs));
    reads.kind(SUBNETS, () -> readSubnets(ec2, subnets));
    reads.kind(ROUTE_TABLES, () -> readRouteTables(ec2, routeTables));
    reads.kind(DHCP_OPTIONS, () -> readDhcp(ec2, dhcp));
    reads.kind(VPC_ENDPOINTS, () -> readEndpoints(ec2, endpoints));
    reads.kind(SECURITY_GROUPS, () -> readGroups(ec2, groups));
    reads.kind(NETWORK_INTERFACES, () -> readEnis(ec2, enis));
    return new Result(vpcs, subnets, routeTables, dhcp, endpoints, groups, enis);
  }

  private static void readVpcs(Ec2Client ec2, List<Vpc> out) {
    var listed = call(ReadOperation.EC2_DESCRIBE_VPCS,
        () -> ec2.describeVpcsPaginator(r -> {}).stream().flatMap(p -> p.vpcs().stream()).toList());
    // First everything DescribeVpcs said; DNS support is filled in per VPC below, so a failure
    // there still leaves the VPC list in the snapshot (with the kind marked unread).
    List<Vpc> pending = new ArrayList<>();
    for (var v : listed) {
      List<String> cidrs = new ArrayList<>();
      v.cidrBlockAssociationSet().forEach(a -> cidrs.add(a.cidrBlock()));
      if (cidrs.isEmpty() && v.cidrBlock() != null) {
        cidrs.add(v.cidrBlock());
      }
      List<String> v6 = new ArrayList<>();
      v.ipv6CidrBlockAssociationSet().forEach(a -> v6.add(a.ipv6CidrBlock()));
      pending.add(new Vpc(v.vpcId(), cidrs, v6, v.dhcpOptionsId(), Optional.empty(),
          Boolean.TRUE.equals(v.isDefault())));
    }
    int base = out.size();
    out.addAll(pending);
    for (int i = 0; i < pending.size(); i++) {
      Vpc v = pending.get(i);
      var attr = call(ReadOperation.EC2_DESCRIBE_VPC_ATTRIBUTE,
          () -> ec2.describeVpcAttribute(r -> r.vpcId(v.id()).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)));
      if (attr.enableDnsSupport() == null || attr.enableDnsSupport().value() == null) {
        throw ReadFailure.malformed(ReadOperation.EC2_DESCRIBE_VPC_ATTRIBUTE,
            "DescribeVpcAttribute " + v.id() + " returned no enableDnsSupport value");
      }
      out.set(base + i, new Vpc(v.id(), v.cidrBlocks(), v.ipv6CidrBlocks(), v.dhcpOptionsId(),
          Optional.of(attr.enableDnsSupport().value()), v.defaultVpc()));
    }
  }

  private static void readSubnets(Ec2Client ec2, List<Subnet> out) {
    var listed = call(ReadOperation.EC2_DESCRIBE_SUBNETS,
        () -> ec2.describeSubnetsPaginator(r -> {}).stream().flatMap(p -> p.subnets().stream()).toList());
    for (var s : listed) {
      List<String> v6 = new ArrayList<>();
      s.ipv6CidrBlockAssociationSet().forEach(a -> v6.add(a.ipv6CidrBlock()));
      out.add(new Subnet(s.subnetId(), s.vpcId(), s.cidrBlock(), v6, s.availabilityZone(), s.availabilityZoneId()));
    }
  }

  private static void readRouteTables(Ec2Client ec2, List<RouteTable> out) {
    var listed = call(ReadOperation.EC2_DESCRIBE_ROUTE_TABLES,
        () -> ec2.describeRouteTablesPaginator(r -> {}).stream().flatMap(p -> p.routeTables().stream()).toList());
    for (var t : listed) {
      List<RouteTableAssociation> assocs = new ArrayList<>();
      for (var a : t.associations()) {
        assocs.add(new RouteTableAssociation(a.routeTableAssociationId(), Boolean.TRUE.equals(a.main()),
            Optional.ofNullable(a.subnetId()), Optional.ofNullable(a.gatewayId()),
            a.associationState() == null ? null : a.associationState().stateAsString()));
      }
      List<Route> routes = new ArrayList<>();
      for (var r : t.routes()) {
        routes.add(new Route(Optional.ofNullable(r.destinationCidrBlock()),
            Optional.ofNullable(r.destinationIpv6CidrBlock()), Optional.ofNullable(r.destinationPrefixListId()),
            target(t.routeTableId(), r), r.stateAsString(), r.originAsString()));
      }
      out.add(new RouteTable(t.routeTableId(), t.vpcId(), assocs, routes));
    }
  }

  /**
   * The route's target. EC2 can fill several fields for one route (an instance route also names
   * its ENI), so the most specific gateway-like field wins, instance before network interface.
   */
  static RouteTarget target(String table, software.amazon.awssdk.services.ec2.model.Route r) {
    Map<RouteTargetType, String> fields = new LinkedHashMap<>();
    fields.put(RouteTargetType.GATEWAY, r.gatewayId());
    fields.put(RouteTargetType.NAT_GATEWAY, r.natGatewayId());
    fields.put(RouteTargetType.TRANSIT_GATEWAY, r.transitGatewayId());
    fields.put(RouteTargetType.VPC_PEERING_CONNECTION, r.vpcPeeringConnectionId());
    fields.put(RouteTargetType.EGRESS_ONLY_INTERNET_GATEWAY, r.egressOnlyInternetGatewayId());
    fields.put(RouteTargetType.LOCAL_GATEWAY, r.localGatewayId());
    fields.put(RouteTargetType.CARRIER_GATEWAY, r.carrierGatewayId());
    fields.put(RouteTargetType.CORE_NETWORK, r.coreNetworkArn());
    fields.put(RouteTargetType.INSTANCE, r.instanceId());
    fields.put(RouteTargetType.NETWORK_INTERFACE, r.networkInterfaceId());
    for (var e : fields.entrySet()) {
      if (e.getValue() != null && !e.getValue().isBlank()) {
        return new RouteTarget(e.getKey(), e.getValue());
      }
    }
    throw ReadFailure.malformed(ReadOperation.EC2_DESCRIBE_ROUTE_TABLES,
        "route " + (r.destinationCidrBlock() != null ? r.destinationCidrBlock() : r.destinationIpv6CidrBlock())
            + " in " + table + " has no target this version of agentfence understands");
  }

  private static void readDhcp(Ec2Client ec2, List<DhcpOptions> out) {
    var listed = call(ReadOperation.EC2_DESCRIBE_DHCP_OPTIONS,
        () -> ec2.describeDhcpOptionsPaginator(r -> {}).stream().flatMap(p -> p.dhcpOptions().stream()).toList());
    for (var d : listed) {
      Map<String, List<String>> conf = new LinkedHashMap<>();
      for (var c : d.dhcpConfigurations()) {
        List<String> values = new ArrayList<>();
        c.values().forEach(v -> values.add(v.value()));
        conf.put(c.key(), values);
      }
      out.add(new DhcpOptions(d.dhcpOptionsId(), conf));
    }
  }

  private static void readEndpoints(Ec2Client ec2, List<VpcEndpoint> out) {
    var listed = call(ReadOperation.EC2_DESCRIBE_VPC_ENDPOINTS,
        () -> ec2.describeVpcEndpointsPaginator(r -> {}).stream().flatMap(p -> p.vpcEndpoints().stream()).toList());
    for (var e : listed) {
      List<String> sgs = new ArrayList<>();
      e.groups().forEach(g -> sgs.add(g.groupId()));
      Optional<PolicyDocument> policy = e.policyDocument() == null || e.policyDocument().isBlank()
          ? Optional.empty() : Optional.of(new PolicyDocument(e.policyDocument()));
      out.add(new VpcEndpoint(e.vpcEndpointId(), e.vpcId(), e.serviceName(), e.vpcEndpointTypeAsString(),
          e.stateAsString(), Boolean.TRUE.equals(e.privateDnsEnabled()), e.subnetIds(), e.routeTableIds(),
          sgs, policy));
    }
  }

  private static void readGroups(Ec2Client ec2, List<SecurityGroup> out) {
    var listed = call(ReadOperation.EC2_DESCRIBE_SECURITY_GROUPS,
        () -> ec2.describeSecurityGroupsPaginator(r -> {}).stream()
            .flatMap(p -> p.securityGroups().stream()).toList());
    for (var g : listed) {
      out.add(new SecurityGroup(g.groupId(), g.vpcId(), g.groupName(),
          rules(g.ipPermissions()), rules(g.ipPermissionsEgress())));
    }
  }

  private static List<SecurityGroupRule> rules(List<IpPermission> permissions) {
    List<SecurityGroupRule> out = new ArrayList<>();
    for (IpPermission p : permissions) {
      List<String> v4 = new ArrayList<>();
      p.ipRanges().forEach(r -> v4.add(r.cidrIp()));
      List<String> v6 = new ArrayList<>();
      p.ipv6Ranges().forEach(r -> v6.add(r.cidrIpv6()));
      List<String> pls = new ArrayList<>();
      p.prefixListIds().forEach(r -> pls.add(r.prefixListId()));
      List<String> sgs = new ArrayList<>();
      p.userIdGroupPairs().forEach(r -> sgs.add(r.groupId()));
      out.add(new SecurityGroupRule(p.ipProtocol(),
          p.fromPort() == null ? -1 : p.fromPort(), p.toPort() == null ? -1 : p.toPort(), v4, v6, pls, sgs));
    }
    return out;
  }

  private static void readEnis(Ec2Client ec2, List<NetworkInterface> out) {
    var listed = call(ReadOperation.EC2_DESCRIBE_NETWORK_INTERFACES,
        () -> ec2.describeNetworkInterfacesPaginator(r -> r.filters(
                Filter.builder().name("tag:" + AGENTCORE_ENI_TAG).values("true").build()))
            .stream().flatMap(p -> p.networkInterfaces().stream()).toList());
    for (var n : listed) {
      List<String> sgs = new ArrayList<>();
      n.groups().forEach(g -> sgs.add(g.groupId()));
      Map<String, String> tags = new LinkedHashMap<>();
      n.tagSet().forEach(t -> tags.put(t.key(), t.value()));
      // interfaceType as a string: agentic_ai is unknown to SDK 2.40.2's enum.
      out.add(new NetworkInterface(n.networkInterfaceId(), n.subnetId(), n.vpcId(), n.interfaceTypeAsString(),
          n.statusAsString(), n.privateIpAddress(), sgs, tags));
    }
  }
}
