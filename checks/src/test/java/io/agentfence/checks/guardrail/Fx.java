package io.agentfence.checks.guardrail;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.GuardrailConfig;
import io.agentfence.baseline.LandingZone;
import io.agentfence.check.Check;
import io.agentfence.check.CheckContext;
import io.agentfence.finding.Finding;
import io.agentfence.inventory.Account;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.IamInventory;
import io.agentfence.inventory.IamPrincipal;
import io.agentfence.inventory.IamPrincipal.PrincipalType;
import io.agentfence.inventory.ManagedPolicy;
import io.agentfence.inventory.OrgUnit;
import io.agentfence.inventory.OrganizationInventory;
import io.agentfence.inventory.PolicyDocument;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.ServiceControlPolicy;
import io.agentfence.inventory.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Guardrail test fixtures: policies in the forms iam-semantics.md discusses, and small snapshots. */
final class Fx {
  static final String ACCT = "222222222222";
  static final String MGMT = "999999999999";
  static final String A1 = "subnet-0aaaaaaaaaaaaaaa1";
  static final String A2 = "subnet-0aaaaaaaaaaaaaaa2";
  static final String G1 = "sg-0bbbbbbbbbbbbbbb1";
  static final String NAME = "AgentCoreVpcGuardrail";
  static final String SCP_NAME = "DenyAgentCoreOutsideLandingZone";
  static final String FOUR = "[\"bedrock-agentcore:CreateAgentRuntime\",\"bedrock-agentcore:UpdateAgentRuntime\","
      + "\"bedrock-agentcore:CreateBrowser\",\"bedrock-agentcore:CreateCodeInterpreter\"]";

  private Fx() {}

  static String stmt(String sid, String actions, String resource, String condition) {
    return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Deny\",\"Action\":" + actions + ",\"Resource\":\"" + resource
        + "\",\"Condition\":" + condition + "}";
  }

  static String policy(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  static String list(List<String> ids) {
    return ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  static String anyNotEq(String key, List<String> ids) {
    return "{\"ForAnyValue:StringNotEquals\":{\"" + key + "\":" + list(ids) + "}}";
  }

  static String nullTrue(String key) {
    return "{\"Null\":{\"" + key + "\":\"true\"}}";
  }

  /** iam-semantics §4 recommended form. */
  static String good() {
    return good(List.of(A1, A2), FOUR, "*");
  }

  static String good(List<String> subnets, String actions, String resource) {
    return policy(
        stmt("DenyUnapprovedSubnets", actions, resource, anyNotEq("bedrock-agentcore:subnets", subnets)),
        stmt("DenyUnapprovedSGs", actions, resource, anyNotEq("bedrock-agentcore:securityGroups", List.of(G1))),
        stmt("DenyNoSubnets", actions, resource, nullTrue("bedrock-agentcore:subnets")),
        stmt("DenyNoSGs", actions, resource, nullTrue("bedrock-agentcore:securityGroups")));
  }

  /** AWS's "specific subnets" example alone (§3.3b): no Null statements. */
  static String anyValueOnly() {
    return policy(
        stmt("DenyIfNotSpecificSubnets", FOUR, "*", anyNotEq("bedrock-agentcore:subnets", List.of(A1, A2))),
        stmt("DenyIfNotSpecificSecurityGroups", FOUR, "*", anyNotEq("bedrock-agentcore:securityGroups", List.of(G1))));
  }

  /** The classic mistake (§0.6): ForAllValues:StringNotEquals, with Null statements. */
  static String allValues() {
    return policy(
        stmt("DenyForeignSubnets", FOUR, "*",
            "{\"ForAllValues:StringNotEquals\":{\"bedrock-agentcore:subnets\":" + list(List.of(A1, A2)) + "}}"),
        stmt("DenyForeignSGs", FOUR, "*",
            "{\"ForAllValues:StringNotEquals\":{\"bedrock-agentcore:securityGroups\":" + list(List.of(G1)) + "}}"),
        stmt("DenyNoSubnets", FOUR, "*", nullTrue("bedrock-agentcore:subnets")),
        stmt("DenyNoSGs", FOUR, "*", nullTrue("bedrock-agentcore:securityGroups")));
  }

  static Baseline baseline(List<String> managed, List<String> scps) {
    LandingZone lz = new LandingZone("prod", List.of(ACCT, "333333333333"), List.of("us-east-1"), "vpc-0123456789abcdef0",
        List.of(A1, A2), List.of(G1), List.of("vpce-0inspection000000"));
    return new Baseline(1, "agentfence.yaml", List.of(lz), new GuardrailConfig(managed, scps), Map.of(), List.of());
  }

  static Baseline managedBaseline() {
    return baseline(List.of(NAME), List.of());
  }

  static String arn(String account, String name) {
    return "arn:aws:iam::" + account + ":policy/" + name;
  }

  static ManagedPolicy managed(String account, String name, String json) {
    return new ManagedPolicy(arn(account, name), name, "/", "v1", false, new PolicyDocument(json));
  }

  static IamPrincipal role(String account, String name, List<String> attached, Optional<String> boundary) {
    return new IamPrincipal(PrincipalType.ROLE, name, "arn:aws:iam::" + account + ":role/" + name, "/", attached,
        List.of(), boundary, List.of(), false);
  }

  static final String ALLOW_AGENTCORE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"bedrock-agentcore:*\",\"Resource\":\"*\"}]}";

  /**
   * One account whose IAM holds the guardrail (if json is non-null) attached to role AgentDeployer,
   * plus an AgentCore admin policy attached to AgentDeployer and to each extra role name.
   */
  static Snapshot account(String account, String guardrailJson, boolean iamRead, String... unguardedRoles) {
    List<ManagedPolicy> policies = new ArrayList<>();
    policies.add(managed(account, "AgentCoreAdmin", ALLOW_AGENTCORE));
    List<String> deployerAttached = new ArrayList<>(List.of(arn(account, "AgentCoreAdmin")));
    if (guardrailJson != null) {
      policies.add(managed(account, NAME, guardrailJson));
      deployerAttached.add(arn(account, NAME));
    }
    List<IamPrincipal> principals = new ArrayList<>();
    principals.add(role(account, "AgentDeployer", deployerAttached, Optional.empty()));
    for (String r : unguardedRoles) {
      principals.add(role(account, r, List.of(arn(account, "AgentCoreAdmin")), Optional.empty()));
    }
    AccountInventory inv = new AccountInventory(Account.of(account), new IamInventory(policies, principals), List.of());
    CoverageRecord cov = iamRead ? CoverageRecord.read(account, CoverageRecord.GLOBAL, ResourceKind.IAM)
        : CoverageRecord.gap(account, CoverageRecord.GLOBAL, ResourceKind.IAM, CoverageStatus.DENIED,
            "GetAccountAuthorizationDetails", "AccessDenied", "not authorized");
    return Snapshot.of(CollectionInfo.empty(), Optional.empty(), iamRead ? List.of(inv) : List.of(), List.of(cov));
  }

  /**
   * An organization: root r-root → ou-prod (account ACCT) and ou-dev (account 444444444444); the
   * SCP guardrail attached to ou-prod; FullAWSAccess on every level. Both accounts have a role
   * AgentAdmin allowed bedrock-agentcore:* and no managed guardrail.
   */
  static Snapshot org(String scpJson, boolean orgRead) {
    return org(scpJson, orgRead, List.of("r-root", "ou-prod", "ou-dev", ACCT, "444444444444"));
  }

  /** As {@link #org(String, boolean)}, with FullAWSAccess attached only to {@code fullAccessTargets}. */
  static Snapshot org(String scpJson, boolean orgRead, List<String> fullAccessTargets) {
    String dev = "444444444444";
    List<AccountInventory> accounts = new ArrayList<>();
    List<CoverageRecord> coverage = new ArrayList<>();
    for (String[] a : new String[][] {{ACCT, "ou-prod"}, {dev, "ou-dev"}}) {
      IamInventory iam = new IamInventory(List.of(managed(a[0], "AgentCoreAdmin", ALLOW_AGENTCORE)),
          List.of(role(a[0], "AgentAdmin", List.of(arn(a[0], "AgentCoreAdmin")), Optional.empty())));
      accounts.add(new AccountInventory(new Account(a[0], Optional.empty(), Optional.empty(), List.of("r-root", a[1])),
          iam, List.of()));
      coverage.add(CoverageRecord.read(a[0], CoverageRecord.GLOBAL, ResourceKind.IAM));
    }
    String full = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    OrganizationInventory org = new OrganizationInventory("o-1", MGMT,
        List.of(new OrgUnit("r-root", "Root", Optional.empty()), new OrgUnit("ou-prod", "prod", Optional.of("r-root")),
            new OrgUnit("ou-dev", "dev", Optional.of("r-root"))),
        List.of(new ServiceControlPolicy("p-FullAWSAccess", "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
                "FullAWSAccess", true, new PolicyDocument(full), fullAccessTargets),
            new ServiceControlPolicy("p-guard", "arn:aws:organizations::" + MGMT + ":policy/o-1/service_control_policy/p-guard",
                SCP_NAME, false, new PolicyDocument(scpJson), List.of("ou-prod"))));
    coverage.add(orgRead ? CoverageRecord.read(MGMT, CoverageRecord.GLOBAL, ResourceKind.ORGANIZATIONS)
        : CoverageRecord.gap(MGMT, CoverageRecord.GLOBAL, ResourceKind.ORGANIZATIONS, CoverageStatus.DENIED,
            "ListPolicies", "AccessDenied", "not authorized"));
    return Snapshot.of(CollectionInfo.empty(), Optional.of(org), accounts, coverage);
  }

  static List<Finding> run(Check check, Snapshot s, Baseline b) {
    return check.evaluate(CheckContext.of(s, b, LocalDate.of(2026, 11, 22)));
  }
}
