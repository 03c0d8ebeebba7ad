package io.agentfence.terraform;

import io.agentfence.inventory.DhcpOptions;
import io.agentfence.inventory.PolicyDocument;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** VPCs, subnets, route tables and their routes and associations, DHCP options, endpoints, security groups. */
final class NetworkMapping {
  /** Terraform route argument → the EC2 Route member (RouteTargetType) that carries the target. */
  private static final Map<String, RouteTargetType> TARGETS = new LinkedHashMap<>();

  static {
    TARGETS.put("gateway_id", RouteTargetType.GATEWAY);
    TARGETS.put("vpc_endpoint_id", RouteTargetType.GATEWAY);
    TARGETS.put("nat_gateway_id", RouteTargetType.NAT_GATEWAY);
    TARGETS.put("transit_gateway_id", RouteTargetType.TRANSIT_GATEWAY);
    TARGETS.put("vpc_peering_connection_id", RouteTargetType.VPC_PEERING_CONNECTION);
    TARGETS.put("network_interface_id", RouteTargetType.NETWORK_INTERFACE);
    TARGETS.put("egress_only_gateway_id", RouteTargetType.EGRESS_ONLY_INTERNET_GATEWAY);
    TARGETS.put("local_gateway_id", RouteTargetType.LOCAL_GATEWAY);
    TARGETS.put("carrier_gateway_id", RouteTargetType.CARRIER_GATEWAY);
    TARGETS.put("core_network_arn", RouteTargetType.CORE_NETWORK);
  }

  private NetworkMapping() {}

  static Optional<String> vpc(Apply a) {
    View v = a.view;
    String id = v.own("id");
    a.key(id);
    if (a.remove) {
      a.here().vpcs.remove(id);
      return Optional.empty();
    }
    Vpc before = a.here().vpcs.get(id);
    List<String> ipv6 = v.plain("ipv6_cidr_block").filter(s -> !s.isEmpty()).map(List::of).orElse(List.of());
    a.here().vpcs.put(id, new Vpc(id, v.literal("cidr_block").map(List::of).orElse(List.of()), ipv6,
        v.string("dhcp_options_id").orElse(before == null ? null : before.dhcpOptionsId()),
        v.bool("enable_dns_support"), before != null && before.defaultVpc()));
    return Optional.empty();
  }

  static Optional<String> subnet(Apply a) {
    View v = a.view;
    String id = v.own("id");
    a.key(id);
    if (a.remove) {
      a.here().subnets.remove(id);
    } else {
      List<String> ipv6 = v.plain("ipv6_cidr_block").filter(s -> !s.isEmpty()).map(List::of).orElse(List.of());
      a.here().subnets.put(id, new Subnet(id, v.text("vpc_id"), v.literal("cidr_block").orElse(""), ipv6,
          v.plain("availability_zone").orElse(""), v.plain("availability_zone_id").orElse("")));
    }
    return Optional.empty();
  }

  /** aws_route_table and aws_default_route_table (the VPC's main table): routes from the plan, associations kept. */
  static Optional<String> routeTable(Apply a, boolean defaultTable) {
    View v = a.view;
    String id = v.own("id");
    a.key(id);
    if (a.remove) {
      a.here().routeTables.remove(id);
      return Optional.empty();
    }
    RouteTable before = a.here().routeTables.get(id);
    List<RouteTableAssociation> assocs = new ArrayList<>(before == null ? List.of() : before.associations());
    if (defaultTable && assocs.stream().noneMatch(RouteTableAssociation::main)) {
      assocs.add(new RouteTableAssociation("", true, Optional.empty(), Optional.empty(), "associated"));
    }
    List<Route> routes = new ArrayList<>();
    // Terraform's route set leaves out the VPC's local route; the live table has it.
    if (before != null) {
      before.routes().stream().filter(r -> r.target().id().equals("local")).forEach(routes::add);
    } else {
      vpcCidr(a, v.text("vpc_id")).ifPresent(c -> routes.add(new Route(Optional.of(c), Optional.empty(),
          Optional.empty(), RouteTarget.gateway("local"), "active", "CreateRouteTable")));
    }
    JsonNode set = v.values().path("route");
    JsonNode unknownSet = v.side() == Side.AFTER ? v.change().afterUnknown().path("route") : MissingNode.getInstance();
    for (int i = 0; i < set.size(); i++) {
      routes.add(route(v, set.get(i), unknownSet.path(i)));
    }
    a.here().routeTables.put(id, new RouteTable(id, v.text("vpc_id"), assocs, routes));
    return Optional.empty();
  }

  private static Optional<String> vpcCidr(Apply a, String vpcId) {
    Vpc vpc = a.here().vpcs.get(vpcId);
    return vpc == null || vpc.cidrBlocks().isEmpty() || vpc.cidrBlocks().get(0).startsWith(Placeholders.AFTER_APPLY)
        ? Optional.empty() : Optional.of(vpc.cidrBlocks().get(0));
  }

  /**
   * One inline route of a route table's {@code route} set. A target known only after apply (a NAT
   * gateway the same plan creates) is found through the configuration's route block with the same
   * destination; its kind is known from the argument that holds it either way.
   */
  private static Route route(View v, JsonNode r, JsonNode unknown) {
    Optional<String> v4 = opt(r, "cidr_block");
    Optional<String> v6 = opt(r, "ipv6_cidr_block");
    Optional<String> pl = opt(r, "destination_prefix_list_id");
    for (Map.Entry<String, RouteTargetType> t : TARGETS.entrySet()) {
      String target = r.path(t.getKey()).asString("");
      if (!target.isEmpty()) {
        return new Route(v4, v6, pl, new RouteTarget(t.getValue(), target), "active", "CreateRoute");
      }
    }
    for (Map.Entry<String, RouteTargetType> t : TARGETS.entrySet()) {
      if (unknown.path(t.getKey()).asBoolean(false)) {
        String dest = v4.or(() -> v6).or(() -> pl).orElse("");
        return new Route(v4, v6, pl, new RouteTarget(t.getValue(), v.inlineBlockTarget("route", dest, t.getKey())),
            "active", "CreateRoute");
      }
    }
    return new Route(v4, v6, pl, RouteTarget.gateway(v.markUnknown("route.target")),
        "active", "CreateRoute");
  }

  private static Optional<String> opt(JsonNode r, String field) {
    String s = r.path(field).asString("");
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** aws_route: one route of a table, matched by destination. */
  static Optional<String> standaloneRoute(Apply a) {
    View v = a.view;
    String tableId = v.text("route_table_id");
    Optional<String> v4 = v.literal("destination_cidr_block").filter(s -> !s.isEmpty());
    Optional<String> v6 = v.literal("destination_ipv6_cidr_block").filter(s -> !s.isEmpty());
    Optional<String> pl = v.string("destination_prefix_list_id").filter(s -> !s.isEmpty());
    String destination = v4.or(() -> v6).or(() -> pl).orElse("");
    a.key(tableId + "|" + destination);
    RouteTable t = a.here().routeTables.get(tableId);
    if (t == null) {
      return Apply.missing("route table", tableId);
    }
    List<Route> routes = new ArrayList<>(t.routes());
    routes.removeIf(r -> r.destination().equals(destination));
    if (!a.remove) {
      RouteTarget target = null;
      for (Map.Entry<String, RouteTargetType> e : TARGETS.entrySet()) {
        Optional<String> id = v.string(e.getKey()).filter(s -> !s.isEmpty());
        if (id.isPresent()) {
          target = new RouteTarget(e.getValue(), id.get());
          break;
        }
      }
      if (target == null) {
        target = RouteTarget.gateway(v.markUnknown("target"));
      }
      routes.add(new Route(v4, v6, pl, target, "active", "CreateRoute"));
    }
    a.here().routeTables.put(tableId, new RouteTable(t.id(), t.vpcId(), t.associations(), routes));
    return Optional.empty();
  }

  /** aws_route_table_association: a subnet (or gateway) bound to a table; a subnet has one association. */
  static Optional<String> association(Apply a) {
    View v = a.view;
    String tableId = v.text("route_table_id");
    Optional<String> subnet = v.string("subnet_id").filter(s -> !s.isEmpty());
    Optional<String> gateway = v.string("gateway_id").filter(s -> !s.isEmpty());
    a.key(subnet.orElse(gateway.orElse("")) + ">" + tableId);
    RouteTable t = a.here().routeTables.get(tableId);
    if (t == null) {
      return Apply.missing("route table", tableId);
    }
    for (RouteTable other : List.copyOf(a.here().routeTables.values())) {
      List<RouteTableAssociation> kept = new ArrayList<>(other.associations());
      kept.removeIf(x -> !x.main() && (subnet.isPresent() ? x.subnetId().equals(subnet) : x.gatewayId().equals(gateway)));
      a.here().routeTables.put(other.id(), new RouteTable(other.id(), other.vpcId(), kept, other.routes()));
    }
    t = a.here().routeTables.get(tableId);
    List<RouteTableAssociation> assocs = new ArrayList<>(t.associations());
    if (!a.remove) {
      assocs.add(new RouteTableAssociation(v.own("id"), false, subnet, gateway, "associated"));
    }
    a.here().routeTables.put(tableId, new RouteTable(t.id(), t.vpcId(), assocs, t.routes()));
    return Optional.empty();
  }

  /** aws_main_route_table_association: the VPC's main table becomes this one. */
  static Optional<String> mainAssociation(Apply a) {
    View v = a.view;
    String tableId = v.text("route_table_id");
    String vpcId = v.text("vpc_id");
    a.key(vpcId + ">" + tableId);
    RouteTable t = a.here().routeTables.get(tableId);
    if (t == null) {
      return Apply.missing("route table", tableId);
    }
    if (a.remove) {
      // Terraform restores the VPC's original main table, which the plan does not name.
      return Optional.of("deleting a main route table association restores a main table the plan does not name");
    }
    for (RouteTable other : List.copyOf(a.here().routeTables.values())) {
      if (other.vpcId().equals(vpcId)) {
        List<RouteTableAssociation> kept = new ArrayList<>(other.associations());
        kept.removeIf(RouteTableAssociation::main);
        if (other.id().equals(tableId)) {
          kept.add(new RouteTableAssociation(v.own("id"), true, Optional.empty(), Optional.empty(), "associated"));
        }
        a.here().routeTables.put(other.id(), new RouteTable(other.id(), other.vpcId(), kept, other.routes()));
      }
    }
    return Optional.empty();
  }

  static Optional<String> dhcpOptions(Apply a) {
    View v = a.view;
    String id = v.own("id");
    a.key(id);
    if (a.remove) {
      a.here().dhcpOptions.remove(id);
      return Optional.empty();
    }
    Map<String, List<String>> conf = new LinkedHashMap<>();
    List<String> dns = v.strings("domain_name_servers");
    if (!dns.isEmpty()) {
      conf.put(DhcpOptions.DOMAIN_NAME_SERVERS, dns);
    }
    v.plain("domain_name").filter(s -> !s.isEmpty()).ifPresent(d -> conf.put("domain-name", List.of(d)));
    List<String> ntp = v.isUnknown("ntp_servers") ? List.of() : v.strings("ntp_servers");
    if (!ntp.isEmpty()) {
      conf.put("ntp-servers", ntp);
    }
    a.here().dhcpOptions.put(id, new DhcpOptions(id, conf));
    return Optional.empty();
  }

  static Optional<String> dhcpAssociation(Apply a) {
    View v = a.view;
    String vpcId = v.text("vpc_id");
    String options = a.remove ? "default" : v.text("dhcp_options_id");
    a.key(vpcId + ">" + options);
    Vpc vpc = a.here().vpcs.get(vpcId);
    if (vpc == null) {
      return Apply.missing("VPC", vpcId);
    }
    a.here().vpcs.put(vpcId, new Vpc(vpc.id(), vpc.cidrBlocks(), vpc.ipv6CidrBlocks(), options,
        vpc.enableDnsSupport(), vpc.defaultVpc()));
    return Optional.empty();
  }

  static Optional<String> endpoint(Apply a) {
    View v = a.view;
    String id = v.own("id");
    a.key(id);
    if (a.remove) {
      a.here().vpcEndpoints.remove(id);
      return Optional.empty();
    }
    VpcEndpoint before = a.here().vpcEndpoints.get(id);
    Optional<PolicyDocument> policy = v.literal("policy").filter(s -> !s.isBlank()).map(PolicyDocument::new)
        .or(() -> before == null ? Optional.empty() : before.policyDocument());
    // Terraform's create waits until the endpoint is available and fails the apply otherwise, so
    // a planned endpoint is judged as the available endpoint it will be; a live state wins.
    String state = v.plain("state").orElse("available");
    a.here().vpcEndpoints.put(id, new VpcEndpoint(id, v.text("vpc_id"), v.literal("service_name").orElse(""),
        v.plain("vpc_endpoint_type").orElse("Gateway"), state, v.bool("private_dns_enabled").orElse(false),
        v.strings("subnet_ids"), v.strings("route_table_ids"), v.strings("security_group_ids"), policy));
    return Optional.empty();
  }

  /** aws_vpc_endpoint_policy: the policy of an endpoint defined elsewhere. */
  static Optional<String> endpointPolicy(Apply a) {
    View v = a.view;
    String id = v.text("vpc_endpoint_id");
    a.key(id);
    VpcEndpoint e = a.here().vpcEndpoints.get(id);
    if (e == null) {
      return Apply.missing("VPC endpoint", id);
    }
    Optional<PolicyDocument> policy = a.remove ? Optional.empty()
        : v.literal("policy").filter(s -> !s.isBlank()).map(PolicyDocument::new);
    a.here().vpcEndpoints.put(id, new VpcEndpoint(e.id(), e.vpcId(), e.serviceName(), e.type(), e.state(),
        e.privateDnsEnabled(), e.subnetIds(), e.routeTableIds(), e.securityGroupIds(), policy));
    return Optional.empty();
  }

  static Optional<String> securityGroup(Apply a) {
    View v = a.view;
    String id = v.own("id");
    a.key(id);
    if (a.remove) {
      a.here().securityGroups.remove(id);
    } else {
      a.here().securityGroups.put(id, new SecurityGroup(id, v.text("vpc_id"), v.plain("name").orElse(id),
          rules(v.values().path("ingress")), rules(v.values().path("egress"))));
    }
    return Optional.empty();
  }

  private static List<SecurityGroupRule> rules(JsonNode set) {
    List<SecurityGroupRule> out = new ArrayList<>();
    for (JsonNode r : set) {
      out.add(new SecurityGroupRule(r.path("protocol").asString("-1"), r.path("from_port").asInt(-1),
          r.path("to_port").asInt(-1), Resolver.strings(r.path("cidr_blocks")), Resolver.strings(r.path("ipv6_cidr_blocks")),
          Resolver.strings(r.path("prefix_list_ids")), Resolver.strings(r.path("security_groups"))));
    }
    return out;
  }
}
