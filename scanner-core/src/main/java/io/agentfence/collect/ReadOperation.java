package io.agentfence.collect;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one source of truth for what agentfence may call on AWS. Every SDK client the scanner builds
 * carries a {@link CallGuard} that refuses any operation not listed here, and {@code agentfence
 * iam-policy} prints the least-privilege policy from this list, so the policy, the runtime guard and
 * the collectors cannot drift apart.
 *
 * <p>Only read operations appear. Deliberately absent: {@code bedrock-agentcore:GetWorkloadAccessToken},
 * {@code GetResourceOauth2Token}, {@code GetResourceApiKey} and every other credential-returning
 * action, which is why the policy lists explicit names instead of {@code Get*}.
 * {@link #STS_ASSUME_ROLE} is the one exception to "no credentials": it is how a multi-account scan
 * enters member accounts, and it is granted to the scanning principal, never to the member role.
 */
public enum ReadOperation {
  // AgentCore control plane (REST-JSON). List responses carry no network config: Get per item.
  AGENTCORE_LIST_AGENT_RUNTIMES(Service.AGENTCORE, "ListAgentRuntimes", Scope.MEMBER,
      "enumerate runtimes (the list carries no network configuration)"),
  AGENTCORE_GET_AGENT_RUNTIME(Service.AGENTCORE, "GetAgentRuntime", Scope.MEMBER,
      "network configuration of the latest version and of every live/target endpoint version"),
  AGENTCORE_LIST_AGENT_RUNTIME_ENDPOINTS(Service.AGENTCORE, "ListAgentRuntimeEndpoints", Scope.MEMBER,
      "which versions endpoints serve (live and target can be older than the latest)"),
  AGENTCORE_LIST_BROWSERS(Service.AGENTCORE, "ListBrowsers", Scope.MEMBER, "enumerate custom browsers"),
  AGENTCORE_GET_BROWSER(Service.AGENTCORE, "GetBrowser", Scope.MEMBER, "network configuration of a browser"),
  AGENTCORE_LIST_CODE_INTERPRETERS(Service.AGENTCORE, "ListCodeInterpreters", Scope.MEMBER,
      "enumerate custom code interpreters"),
  AGENTCORE_GET_CODE_INTERPRETER(Service.AGENTCORE, "GetCodeInterpreter", Scope.MEMBER,
      "network configuration of a code interpreter"),

  // EC2 (query/XML). One paginated call per kind and region; no per-resource calls except the
  // VPC attribute, which EC2 only returns one VPC and one attribute at a time.
  EC2_DESCRIBE_REGIONS(Service.EC2, "DescribeRegions", Scope.MEMBER,
      "enabled and opted-out regions of the account (never a hard-coded list)"),
  EC2_DESCRIBE_VPCS(Service.EC2, "DescribeVpcs", Scope.MEMBER, "VPCs and their DHCP options set"),
  EC2_DESCRIBE_VPC_ATTRIBUTE(Service.EC2, "DescribeVpcAttribute", Scope.MEMBER,
      "enableDnsSupport, one call per VPC (EC2 has no batch form)"),
  EC2_DESCRIBE_SUBNETS(Service.EC2, "DescribeSubnets", Scope.MEMBER, "subnet to VPC and AZ"),
  EC2_DESCRIBE_ROUTE_TABLES(Service.EC2, "DescribeRouteTables", Scope.MEMBER,
      "routes, explicit and main associations (the egress path)"),
  EC2_DESCRIBE_DHCP_OPTIONS(Service.EC2, "DescribeDhcpOptions", Scope.MEMBER, "the DNS resolver of each VPC"),
  EC2_DESCRIBE_VPC_ENDPOINTS(Service.EC2, "DescribeVpcEndpoints", Scope.MEMBER,
      "AgentCore PrivateLink endpoints, private DNS, gateway endpoint policies"),
  EC2_DESCRIBE_SECURITY_GROUPS(Service.EC2, "DescribeSecurityGroups", Scope.MEMBER, "egress rules"),
  EC2_DESCRIBE_NETWORK_INTERFACES(Service.EC2, "DescribeNetworkInterfaces", Scope.MEMBER,
      "ENIs tagged AmazonBedrockAgentCoreManaged=true (filtered server-side)"),

  // IAM (query/XML, global).
  IAM_GET_ACCOUNT_AUTHORIZATION_DETAILS(Service.IAM, "GetAccountAuthorizationDetails", Scope.MEMBER,
      "all policies (default versions), principals, attachments and permission boundaries in one paginated call"),

  // STS (query/XML).
  STS_GET_CALLER_IDENTITY(Service.STS, "GetCallerIdentity", Scope.MEMBER,
      "the account id of the credentials in use (needs no permission)"),
  STS_ASSUME_ROLE(Service.STS, "AssumeRole", Scope.SCANNER,
      "enter member accounts through the scanning role (session agentfence-<runId>)"),

  // Organizations (JSON 1.1, management or delegated-administrator account).
  ORG_DESCRIBE_ORGANIZATION(Service.ORGANIZATIONS, "DescribeOrganization", Scope.SCANNER,
      "organization id and management account"),
  ORG_LIST_ACCOUNTS(Service.ORGANIZATIONS, "ListAccounts", Scope.SCANNER, "member accounts and their state"),
  ORG_LIST_ROOTS(Service.ORGANIZATIONS, "ListRoots", Scope.SCANNER, "the root of the OU tree"),
  ORG_LIST_ORGANIZATIONAL_UNITS_FOR_PARENT(Service.ORGANIZATIONS, "ListOrganizationalUnitsForParent",
      Scope.SCANNER, "the OU tree, one call per root/OU"),
  ORG_LIST_PARENTS(Service.ORGANIZATIONS, "ListParents", Scope.SCANNER,
      "each account's OU path up to the root (which SCPs apply)"),
  ORG_LIST_POLICIES(Service.ORGANIZATIONS, "ListPolicies", Scope.SCANNER, "SCP ids"),
  ORG_DESCRIBE_POLICY(Service.ORGANIZATIONS, "DescribePolicy", Scope.SCANNER, "SCP documents"),
  ORG_LIST_TARGETS_FOR_POLICY(Service.ORGANIZATIONS, "ListTargetsForPolicy", Scope.SCANNER,
      "where each SCP is attached");

  /** An AWS service as the SDK names it and as IAM prefixes its actions. */
  public enum Service {
    AGENTCORE("BedrockAgentCoreControl", "bedrock-agentcore", true),
    EC2("Ec2", "ec2", true),
    IAM("Iam", "iam"),
    STS("Sts", "sts"),
    ORGANIZATIONS("Organizations", "organizations");

    private final String sdkName;
    private final String iamPrefix;
    private final boolean regionalBudget;

    /** A service AWS throttles per account: one rate budget per (account, operation). */
    Service(String sdkName, String iamPrefix) {
      this(sdkName, iamPrefix, false);
    }

    /**
     * @param regionalBudget AWS throttles the service per account AND region (EC2, AgentCore), so
     *                       the rate budget is per (account, region, operation)
     */
    Service(String sdkName, String iamPrefix, boolean regionalBudget) {
      this.sdkName = sdkName;
      this.iamPrefix = iamPrefix;
      this.regionalBudget = regionalBudget;
    }

    public boolean regionalBudget() {
      return regionalBudget;
    }

    /** The service with this SDK service name (as the SDK's execution attributes carry it). */
    public static Optional<Service> bySdkName(String sdkName) {
      return Arrays.stream(values()).filter(s -> s.sdkName.equals(sdkName)).findFirst();
    }

    public String sdkName() {
      return sdkName;
    }

    public String iamPrefix() {
      return iamPrefix;
    }
  }

  /**
   * Who needs the permission: the role in every scanned account, or the principal that runs the
   * scan (management / delegated-administrator account, the one that assumes the member roles).
   */
  public enum Scope { MEMBER, SCANNER }

  private final Service service;
  private final String operation;
  private final Scope scope;
  private final String why;

  ReadOperation(Service service, String operation, Scope scope, String why) {
    this.service = service;
    this.operation = operation;
    this.scope = scope;
    this.why = why;
  }

  public Service service() {
    return service;
  }

  /** The wire / SDK operation name, which for these services is also the IAM action name. */
  public String operation() {
    return operation;
  }

  public Scope scope() {
    return scope;
  }

  public String why() {
    return why;
  }

  /** {@code service-prefix:Action}, as written in an IAM policy. */
  public String iamAction() {
    return service.iamPrefix() + ":" + operation;
  }

  /** The allowlisted operation for an SDK (service name, operation name), if any. */
  public static Optional<ReadOperation> find(String sdkServiceName, String operationName) {
    return Arrays.stream(values())
        .filter(o -> o.service.sdkName().equals(sdkServiceName) && o.operation.equals(operationName))
        .findFirst();
  }
}
