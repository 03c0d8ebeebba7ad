package io.agentfence.baseline.proposal;

import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.ManagedPolicy;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.Route;
import io.agentfence.inventory.RouteTargetKind;
import io.agentfence.inventory.ServiceControlPolicy;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.Subnet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Proposes a baseline from what a live read found: per (account, region, VPC) the subnets and
 * security groups that the AgentCore runtimes, browsers and code interpreters in VPC mode use, the
 * current target of those subnets' default route as the inspection target, and the customer
 * managed policies and SCPs that constrain the {@code bedrock-agentcore:subnets} or
 * {@code securityGroups} keys as the guardrail. A default route to a NAT or internet gateway, and a
 * runtime in PUBLIC mode, are never approved.
 */
public final class SnapshotProposal {
  static final List<String> GUARDRAIL_KEYS = List.of("bedrock-agentcore:subnets", "bedrock-agentcore:securitygroups");

  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("\\b(subnet|sg)-[0-9a-f]{8,17}\\b");

  private SnapshotProposal() {}

  /** A workload's network as init needs it: who uses which subnets and security groups. */
  private record User(String what, NetworkConfig network) {}

  public static Proposal of(Snapshot snapshot, Optional<String> vpcFilter) {
    Map<String, String> guardrailDocs = new LinkedHashMap<>();
    for (AccountInventory acct : snapshot.accounts()) {
      for (ManagedPolicy p : acct.iam().policies()) {
        if (!p.awsManaged() && usesGuardrailKeys(p.document().json())) {
          guardrailDocs.putIfAbsent("guardrail policy " + p.name(), p.document().json());
        }
      }
    }
    snapshot.organization().ifPresent(org -> org.scps().stream()
        .filter(scp -> !scp.awsManaged() && usesGuardrailKeys(scp.document().json()))
        .forEach(scp -> guardrailDocs.putIfAbsent("guardrail SCP " + scp.name(), scp.document().json())));
    List<Proposal.Zone> zones = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (AccountInventory acct : snapshot.accounts()) {
      for (RegionInventory inv : acct.regions()) {
        List<User> users = new ArrayList<>();
        for (AgentRuntime rt : inv.runtimes()) {
          NetworkConfig n = rt.latestNetwork().orElse(null);
          if (n == null) {
            continue;
          }
          if (!n.isVpc()) {
            notes.add("runtime " + rt.id() + " (" + acct.account().id() + "/" + inv.region() + ") is in " + n.mode()
                + " mode: outside every landing zone, so nothing of it is approved; redeploy it in VPC mode");
            continue;
          }
          users.add(new User("runtime " + rt.id(), n));
        }
        inv.browsers().stream().filter(b -> b.network().isVpc()).forEach(b -> users.add(new User("browser " + b.id(), b.network())));
        inv.codeInterpreters().stream().filter(c -> c.network().isVpc())
            .forEach(c -> users.add(new User("code interpreter " + c.id(), c.network())));
        // The ids a guardrail allows are approved by it too: leaving them out would fail AF-GRD-006.
        guardrailDocs.forEach((what, doc) -> {
          List<String> subnets = ID.matcher(doc).results().map(m -> m.group()).filter(x -> x.startsWith("subnet-"))
              .filter(x -> inv.subnet(x).isPresent()).distinct().toList();
          List<String> groups = ID.matcher(doc).results().map(m -> m.group()).filter(x -> x.startsWith("sg-"))
              .filter(x -> inv.securityGroups().stream().anyMatch(g -> g.id().equals(x))).distinct().toList();
          if (!subnets.isEmpty() || !groups.isEmpty()) {
            users.add(new User("allowed by " + what, NetworkConfig.vpc(subnets, groups)));
          }
        });
        zones.addAll(zonesOf(acct.account().id(), inv, users, vpcFilter));
      }
    }
    List<Proposal.Item> policies = new ArrayList<>();
    Map<String, List<String>> policyAccounts = new LinkedHashMap<>();
    for (AccountInventory acct : snapshot.accounts()) {
      for (ManagedPolicy p : acct.iam().policies()) {
        if (!p.awsManaged() && usesGuardrailKeys(p.document().json())) {
          policyAccounts.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(acct.account().id());
        }
      }
    }
    policyAccounts.forEach((name, accts) -> policies.add(Proposal.Item.approved(name,
        "customer managed policy in " + String.join(", ", accts) + " that constrains bedrock-agentcore:subnets/securityGroups")));
    List<Proposal.Item> scps = new ArrayList<>();
    snapshot.organization().ifPresent(org -> {
      for (ServiceControlPolicy scp : org.scps()) {
        if (!scp.awsManaged() && usesGuardrailKeys(scp.document().json())) {
          scps.add(Proposal.Item.approved(scp.name(), "SCP " + scp.id() + " (attached to "
              + String.join(", ", scp.targetIds()) + ") constrains bedrock-agentcore:subnets/securityGroups"));
        }
      }
    });
    return new Proposal("a live read of " + snapshot.accounts().size() + " account(s)", zones, policies, scps, notes);
  }

  private static List<Proposal.Zone> zonesOf(String account, RegionInventory inv, List<User> users, Optional<String> vpcFilter) {
    Map<String, List<Proposal.Item>> subnets = new LinkedHashMap<>();
    Map<String, List<Proposal.Item>> groups = new LinkedHashMap<>();
    Map<String, List<Proposal.Item>> targets = new LinkedHashMap<>();
    Map<String, String> vpcOrigin = new LinkedHashMap<>();
    for (User u : users) {
      String vpc = null;
      for (String s : u.network().subnets()) {
        Optional<Subnet> subnet = inv.subnet(s);
        if (subnet.isEmpty()) {
          continue;
        }
        vpc = subnet.get().vpcId();
        if (vpcFilter.isPresent() && !vpcFilter.get().equals(vpc)) {
          continue;
        }
        vpcOrigin.putIfAbsent(vpc, "VPC of subnet " + s + " used by " + u.what());
        Optional<String> reason = Optional.empty();
        var table = inv.effectiveRouteTable(s);
        if (table.isPresent()) {
          String via = table.get().table().id() + (table.get().viaMain() ? " (main)" : "");
          for (Route r : table.get().table().routes()) {
            if (!r.destinationCidrBlock().filter("0.0.0.0/0"::equals).isPresent()) {
              continue;
            }
            RouteTargetKind k = r.target().kind();
            String target = r.target().id();
            String from = "current target of 0.0.0.0/0 of " + s + " via " + via;
            if (k == RouteTargetKind.NAT_GATEWAY || k == RouteTargetKind.INTERNET_GATEWAY) {
              String what = k == RouteTargetKind.NAT_GATEWAY ? "NAT gateway" : "internet gateway";
              reason = Optional.of("its default route goes via " + via + " to " + what + " " + target + ", not through inspection");
              addOnce(targets, vpc, Proposal.Item.rejected(target, from, (what.startsWith("NAT") ? "a " : "an ") + what + " is not an inspection target"));
            } else {
              addOnce(targets, vpc, Proposal.Item.approved(target, from));
            }
          }
        }
        String origin = u.what().startsWith("allowed by ") ? u.what() : "used by " + u.what();
        addOnce(subnets, vpc, reason.map(x -> Proposal.Item.rejected(s, origin, x)).orElse(Proposal.Item.approved(s, origin)));
      }
      String origin = u.what().startsWith("allowed by ") ? u.what() : "used by " + u.what();
      for (String g : u.network().securityGroups()) {
        String fromSubnets = vpc;
        String groupVpc = inv.securityGroups().stream().filter(x -> x.id().equals(g) && !x.vpcId().isEmpty())
            .map(x -> x.vpcId()).findFirst().orElse(fromSubnets);
        if (groupVpc != null && vpcFilter.map(groupVpc::equals).orElse(true)) {
          addOnce(groups, groupVpc, Proposal.Item.approved(g, origin));
        }
      }
    }
    List<Proposal.Zone> out = new ArrayList<>();
    for (Map.Entry<String, String> v : vpcOrigin.entrySet()) {
      String name = account + "-" + inv.region() + (vpcOrigin.size() > 1 ? "-" + v.getKey() : "");
      out.add(new Proposal.Zone(name, account, inv.region(), Proposal.Item.approved(v.getKey(), v.getValue()),
          subnets.getOrDefault(v.getKey(), List.of()), groups.getOrDefault(v.getKey(), List.of()),
          targets.getOrDefault(v.getKey(), List.of())));
    }
    return out;
  }

  /** The first word on an id wins; a later rejection of an approved id (or vice versa) keeps the rejection. */
  private static void addOnce(Map<String, List<Proposal.Item>> by, String vpc, Proposal.Item item) {
    List<Proposal.Item> list = by.computeIfAbsent(vpc, k -> new ArrayList<>());
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id().equals(item.id())) {
        if (list.get(i).isApproved() && !item.isApproved()) {
          list.set(i, item);
        }
        return;
      }
    }
    list.add(item);
  }

  static boolean usesGuardrailKeys(String policyJson) {
    String lower = policyJson.toLowerCase(Locale.ROOT);
    return GUARDRAIL_KEYS.stream().anyMatch(lower::contains);
  }
}
