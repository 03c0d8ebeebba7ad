package io.agentfence.bench;

import io.agentfence.collect.ReusableReads;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.OrgUnit;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.RuntimeEndpoint;
import io.agentfence.inventory.ServiceControlPolicy;
import io.agentfence.inventory.Snapshot;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API calls a complete read of a snapshot's data requires, derived from the data alone (not
 * from what the scanner did), per throttling bucket. The formula (docs/benchmarks.md):
 *
 * <pre>
 * caller:        sts:GetCallerIdentity                                   1
 * organization:  DescribeOrganization 1 + ListRoots 1
 *                + ListOrganizationalUnitsForParent  sum over root and OUs of pages(children, 20)
 *                + ListAccounts pages(A, 20) + ListParents A
 *                + ListPolicies pages(P, 20) + DescribePolicy P + ListTargetsForPolicy sum pages(targets, 20)
 * per account:   sts:AssumeRole 1 (not for the caller's own account) + ec2:DescribeRegions 1
 *                + iam:GetAccountAuthorizationDetails pages(policies + principals, 100)
 * per account-region:
 *   AgentCore    ListAgentRuntimes pages(R, 100)
 *                + per runtime: GetAgentRuntime (1 + versions served by an endpoint, other than the latest;
 *                               warm: only versions the previous snapshot does not hold READY)
 *                               + ListAgentRuntimeEndpoints pages(endpoints, 100)
 *                + ListBrowsers pages(B, 100) + GetBrowser B + ListCodeInterpreters pages(I, 100) + GetCodeInterpreter I
 *                  (warm: B and I count only tools the previous snapshot does not hold)
 *   EC2          DescribeVpcs pages(V, 1000) + DescribeVpcAttribute V (enableDnsSupport: one VPC per call)
 *                + DescribeSubnets, DescribeRouteTables, DescribeDhcpOptions, DescribeVpcEndpoints,
 *                  DescribeSecurityGroups, DescribeNetworkInterfaces: pages(n, 1000) each
 * pages(n, size) = max(1, ceil(n / size))   (an empty list still costs one call)
 * </pre>
 *
 * Page sizes are the largest each API allows (Organizations 20, AgentCore 100, IAM 100 as the local
 * endpoint caps it, EC2 1000).
 */
final class MinimumCalls {
  /** A throttling bucket: account, region ("global" for IAM, STS, Organizations), service, operation. */
  record Bucket(String account, String region, String service, String operation) {}

  private final Map<Bucket, Long> calls = new LinkedHashMap<>();
  private int chainCalls;

  private MinimumCalls() {}

  static MinimumCalls of(Snapshot s, String caller, String homeRegion) {
    return of(s, caller, homeRegion, ReusableReads.none());
  }

  /**
   * The minimum for a warm scan: as a cold read, less GetAgentRuntime for each (runtime, version)
   * and GetBrowser/GetCodeInterpreter for each tool that {@code reuse} holds (immutable, read whole
   * before). List calls and ListAgentRuntimeEndpoints are still needed to learn what exists now.
   */
  static MinimumCalls of(Snapshot s, String caller, String homeRegion, ReusableReads reuse) {
    MinimumCalls m = new MinimumCalls();
    m.add(caller, "global", "sts", "GetCallerIdentity", 1);
    s.organization().ifPresent(org -> {
      m.add(caller, "global", "organizations", "DescribeOrganization", 1);
      m.add(caller, "global", "organizations", "ListRoots", 1);
      Map<String, Integer> children = new TreeMap<>();
      for (OrgUnit u : org.units()) {
        children.putIfAbsent(u.id(), 0);
        u.parentId().ifPresent(p -> children.merge(p, 1, Integer::sum));
      }
      children.values().forEach(n -> m.add(caller, "global", "organizations", "ListOrganizationalUnitsForParent",
          pages(n, 20)));
      m.add(caller, "global", "organizations", "ListAccounts", pages(s.accounts().size(), 20));
      m.add(caller, "global", "organizations", "ListParents", s.accounts().size());
      m.add(caller, "global", "organizations", "ListPolicies", pages(org.scps().size(), 20));
      for (ServiceControlPolicy p : org.scps()) {
        m.add(caller, "global", "organizations", "DescribePolicy", 1);
        m.add(caller, "global", "organizations", "ListTargetsForPolicy", pages(p.targetIds().size(), 20));
      }
      // Dependent chain before any account can be read: identity, organization, tree depth, accounts.
      m.chainCalls = 3 + depth(org.units()) + pages(s.accounts().size(), 20);
    });
    for (AccountInventory a : s.accounts()) {
      String id = a.account().id();
      if (!id.equals(caller)) {
        m.add(caller, "global", "sts", "AssumeRole", 1);
      }
      m.add(id, homeRegion, "ec2", "DescribeRegions", 1);
      m.add(id, "global", "iam", "GetAccountAuthorizationDetails",
          pages(a.iam().policies().size() + a.iam().principals().size(), 100));
      for (RegionInventory r : a.regions()) {
        String region = r.region();
        ReusableReads.Region known = reuse.region(id, region);
        m.add(id, region, "bedrock-agentcore", "ListAgentRuntimes", pages(r.runtimes().size(), 100));
        for (AgentRuntime rt : r.runtimes()) {
          Set<String> versions = new HashSet<>();
          versions.add(rt.latestVersion());
          for (RuntimeEndpoint e : rt.endpoints()) {
            e.liveVersion().ifPresent(versions::add);
            e.targetVersion().ifPresent(versions::add);
          }
          m.add(id, region, "bedrock-agentcore", "GetAgentRuntime",
              versions.stream().filter(v -> known.version(rt.id(), v).isEmpty()).count());
          m.add(id, region, "bedrock-agentcore", "ListAgentRuntimeEndpoints", pages(rt.endpoints().size(), 100));
        }
        m.add(id, region, "bedrock-agentcore", "ListBrowsers", pages(r.browsers().size(), 100));
        m.add(id, region, "bedrock-agentcore", "GetBrowser", r.browsers().stream()
            .filter(b -> known.browser(b.id(), b.arn(), b.name(), b.status()).isEmpty()).count());
        m.add(id, region, "bedrock-agentcore", "ListCodeInterpreters", pages(r.codeInterpreters().size(), 100));
        m.add(id, region, "bedrock-agentcore", "GetCodeInterpreter", r.codeInterpreters().stream()
            .filter(c -> known.codeInterpreter(c.id(), c.arn(), c.name(), c.status()).isEmpty()).count());
        m.add(id, region, "ec2", "DescribeVpcs", pages(r.vpcs().size(), 1000));
        m.add(id, region, "ec2", "DescribeVpcAttribute", r.vpcs().size());
        m.add(id, region, "ec2", "DescribeSubnets", pages(r.subnets().size(), 1000));
        m.add(id, region, "ec2", "DescribeRouteTables", pages(r.routeTables().size(), 1000));
        m.add(id, region, "ec2", "DescribeDhcpOptions", pages(r.dhcpOptions().size(), 1000));
        m.add(id, region, "ec2", "DescribeVpcEndpoints", pages(r.vpcEndpoints().size(), 1000));
        m.add(id, region, "ec2", "DescribeSecurityGroups", pages(r.securityGroups().size(), 1000));
        m.add(id, region, "ec2", "DescribeNetworkInterfaces", pages(r.networkInterfaces().size(), 1000));
      }
    }
    return m;
  }

  private static int depth(java.util.List<OrgUnit> units) {
    Map<String, Optional<String>> parent = new TreeMap<>();
    units.forEach(u -> parent.put(u.id(), u.parentId()));
    int max = 0;
    for (String id : parent.keySet()) {
      int d = 1;
      Optional<String> p = parent.get(id);
      while (p.isPresent() && parent.containsKey(p.get())) {
        d++;
        p = parent.get(p.get());
      }
      max = Math.max(max, d);
    }
    return max;
  }

  static int pages(int n, int size) {
    return Math.max(1, (n + size - 1) / size);
  }

  private void add(String account, String region, String service, String operation, long n) {
    if (n > 0) {
      calls.merge(new Bucket(account, region, service, operation), n, Long::sum);
    }
  }

  Map<Bucket, Long> byBucket() {
    return calls;
  }

  long total() {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Calls that must happen one after another before the first account can be read. */
  int chainCalls() {
    return chainCalls;
  }

  /** Totals per service:operation, sorted. */
  Map<String, Long> byOperation() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((b, n) -> out.merge(b.service() + ":" + b.operation(), n, Long::sum));
    return out;
  }
}
