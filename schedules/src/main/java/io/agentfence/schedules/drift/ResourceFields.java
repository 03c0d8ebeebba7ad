package io.agentfence.schedules.drift;

import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.Browser;
import io.agentfence.inventory.CodeInterpreter;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.DhcpOptions;
import io.agentfence.inventory.IamPrincipal;
import io.agentfence.inventory.InlinePolicy;
import io.agentfence.inventory.ManagedPolicy;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.PolicyDocument;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.Route;
import io.agentfence.inventory.RouteTable;
import io.agentfence.inventory.RouteTableAssociation;
import io.agentfence.inventory.RuntimeEndpoint;
import io.agentfence.inventory.SecurityGroup;
import io.agentfence.inventory.SecurityGroupRule;
import io.agentfence.inventory.ServiceControlPolicy;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.Subnet;
import io.agentfence.inventory.Vpc;
import io.agentfence.inventory.VpcEndpoint;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flattens a snapshot into resources with the fields drift compares. Only fields that matter for
 * containment are kept. Deliberately left out, because they change without anyone changing the
 * configuration: collection timestamps, transient statuses (CREATING, UPDATING, READY, pending,
 * available), an endpoint's in-flight target version, and AgentCore-managed ENIs (created and
 * deleted by the service, kept up to ~8 h after use).
 */
final class ResourceFields {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ResourceFields() {}

  static SortedMap<ResourceKey, SortedMap<String, String>> of(Snapshot s) {
    SortedMap<ResourceKey, SortedMap<String, String>> out = new TreeMap<>();
    for (AccountInventory a : s.accounts()) {
      String acct = a.account().id();
      for (RegionInventory r : a.regions()) {
        region(out, acct, r);
      }
      String g = CoverageRecord.GLOBAL;
      for (ManagedPolicy p : a.iam().policies()) {
        if (p.awsManaged()) {
          continue; // AWS-managed documents change under AWS's control, not the customer's
        }
        put(out, new ResourceKey("iam-policy", acct, g, p.arn(), ResourceKind.IAM), Map.of(
            "defaultVersionId", p.defaultVersionId(),
            "document", canonical(p.document())));
      }
      for (IamPrincipal p : a.iam().principals()) {
        TreeMap<String, String> f = new TreeMap<>();
        f.put("attachedPolicies", list(p.attachedPolicyArns()));
        f.put("permissionsBoundary", p.permissionsBoundaryArn().orElse("none"));
        for (InlinePolicy ip : p.inlinePolicies()) {
          f.put("inline." + ip.name(), canonical(ip.document()));
        }
        put(out, new ResourceKey("iam-" + p.type().name().toLowerCase(java.util.Locale.ROOT), acct, g, p.arn(),
            ResourceKind.IAM), f);
      }
    }
    s.organization().ifPresent(org -> {
      for (ServiceControlPolicy p : org.scps()) {
        put(out, new ResourceKey("scp", org.managementAccountId(), CoverageRecord.GLOBAL, p.id(),
            ResourceKind.ORGANIZATIONS), Map.of(
                "name", p.name(),
                "document", canonical(p.document()),
                "targets", list(p.targetIds())));
      }
    });
    return out;
  }

  private static void region(SortedMap<ResourceKey, SortedMap<String, String>> out, String acct, RegionInventory r) {
    String rg = r.region();
    for (AgentRuntime rt : r.runtimes()) {
      TreeMap<String, String> f = new TreeMap<>();
      f.put("name", rt.name());
      f.put("latestVersion", rt.latestVersion());
      rt.latestNetwork().ifPresent(n -> network(f, n));
      put(out, new ResourceKey("runtime", acct, rg, rt.id(), ResourceKind.AGENT_RUNTIMES), f);
      for (RuntimeEndpoint e : rt.endpoints()) {
        TreeMap<String, String> ef = new TreeMap<>();
        ef.put("liveVersion", e.liveVersion().orElse("none"));
        e.liveVersion().flatMap(rt::version).ifPresent(v -> network(ef, v.network()));
        put(out, new ResourceKey("runtime-endpoint", acct, rg, rt.id() + "/" + e.name(),
            ResourceKind.AGENT_RUNTIMES), ef);
      }
    }
    for (Browser b : r.browsers()) {
      TreeMap<String, String> f = new TreeMap<>();
      network(f, b.network());
      put(out, new ResourceKey("browser", acct, rg, b.id(), ResourceKind.BROWSERS), f);
    }
    for (CodeInterpreter c : r.codeInterpreters()) {
      TreeMap<String, String> f = new TreeMap<>();
      network(f, c.network());
      put(out, new ResourceKey("code-interpreter", acct, rg, c.id(), ResourceKind.CODE_INTERPRETERS), f);
    }
    for (Vpc v : r.vpcs()) {
      put(out, new ResourceKey("vpc", acct, rg, v.id(), ResourceKind.VPCS), Map.of(
          "cidrBlocks", list(v.cidrBlocks()),
          "dhcpOptionsId", v.dhcpOptionsId(),
          "enableDnsSupport", v.enableDnsSupport().map(String::valueOf).orElse("unknown")));
    }
    for (Subnet sn : r.subnets()) {
      put(out, new ResourceKey("subnet", acct, rg, sn.id(), ResourceKind.SUBNETS), Map.of(
          "vpcId", sn.vpcId(), "cidrBlock", sn.cidrBlock()));
    }
    for (RouteTable t : r.routeTables()) {
      TreeMap<String, String> f = new TreeMap<>();
      f.put("vpcId", t.vpcId());
      f.put("associations", list(t.associations().stream().map(ResourceFields::association).toList()));
      for (Route route : t.routes()) {
        String target = route.target().kind() + " " + route.target().id();
        f.put("routes[" + route.destination() + "]",
            route.state().equals("active") ? target : target + " (" + route.state() + ")");
      }
      put(out, new ResourceKey("route-table", acct, rg, t.id(), ResourceKind.ROUTE_TABLES), f);
    }
    for (DhcpOptions d : r.dhcpOptions()) {
      TreeMap<String, String> f = new TreeMap<>();
      d.configurations().forEach((k, v) -> f.put(k, String.join(", ", v)));
      put(out, new ResourceKey("dhcp-options", acct, rg, d.id(), ResourceKind.DHCP_OPTIONS), f);
    }
    for (VpcEndpoint e : r.vpcEndpoints()) {
      TreeMap<String, String> f = new TreeMap<>();
      f.put("vpcId", e.vpcId());
      f.put("serviceName", e.serviceName());
      f.put("type", e.type());
      f.put("privateDnsEnabled", String.valueOf(e.privateDnsEnabled()));
      f.put("subnetIds", list(e.subnetIds()));
      f.put("routeTableIds", list(e.routeTableIds()));
      f.put("securityGroupIds", list(e.securityGroupIds()));
      f.put("policy", e.policyDocument().map(ResourceFields::canonical).orElse("none"));
      put(out, new ResourceKey("vpc-endpoint", acct, rg, e.id(), ResourceKind.VPC_ENDPOINTS), f);
    }
    for (SecurityGroup sg : r.securityGroups()) {
      put(out, new ResourceKey("security-group", acct, rg, sg.id(), ResourceKind.SECURITY_GROUPS), Map.of(
          "vpcId", sg.vpcId(),
          "egress", list(sg.egress().stream().map(ResourceFields::rule).toList()),
          "ingress", list(sg.ingress().stream().map(ResourceFields::rule).toList())));
    }
  }

  private static void network(Map<String, String> f, NetworkConfig n) {
    f.put("network.mode", n.mode());
    f.put("network.subnets", list(n.subnets()));
    f.put("network.securityGroups", list(n.securityGroups()));
  }

  private static String association(RouteTableAssociation a) {
    if (a.main()) {
      return "main";
    }
    return a.subnetId().or(a::gatewayId).orElse(a.id());
  }

  private static String rule(SecurityGroupRule r) {
    String ports = r.fromPort() == -1 && r.toPort() == -1 ? "all" : r.fromPort() + "-" + r.toPort();
    return r.protocol() + ":" + ports + "->" + String.join("|", sorted(r.ipv4Ranges())) + "|"
        + String.join("|", sorted(r.ipv6Ranges())) + "|" + String.join("|", sorted(r.prefixListIds())) + "|"
        + String.join("|", sorted(r.groupIds()));
  }

  /** Order-insensitive rendering: subnets and security groups are sets for containment. */
  static String list(Collection<String> items) {
    return "[" + String.join(", ", sorted(items)) + "]";
  }

  private static List<String> sorted(Collection<String> items) {
    return items.stream().sorted().toList();
  }

  /** Policy text with keys sorted and whitespace removed, so reformatting is not drift. */
  static String canonical(PolicyDocument doc) {
    try {
      Object tree = JSON.readValue(doc.json(), Object.class);
      return JSON.writeValueAsString(sortKeys(tree));
    } catch (JacksonException e) {
      return doc.json(); // not JSON: compared as written (the checks report it)
    }
  }

  @SuppressWarnings("unchecked")
  private static Object sortKeys(Object node) {
    if (node instanceof Map) {
      TreeMap<String, Object> m = new TreeMap<>();
      ((Map<String, Object>) node).forEach((k, v) -> m.put(k, sortKeys(v)));
      return m;
    }
    if (node instanceof List) {
      return ((List<Object>) node).stream().map(ResourceFields::sortKeys).toList();
    }
    return node;
  }

  private static void put(SortedMap<ResourceKey, SortedMap<String, String>> out, ResourceKey key, Map<String, String> f) {
    out.put(key, new TreeMap<>(f));
  }
}
