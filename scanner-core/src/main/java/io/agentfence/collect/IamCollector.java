package io.agentfence.collect;

import static io.agentfence.collect.Reads.call;

import io.agentfence.inventory.IamInventory;
import io.agentfence.inventory.IamPrincipal;
import io.agentfence.inventory.IamPrincipal.PrincipalType;
import io.agentfence.inventory.InlinePolicy;
import io.agentfence.inventory.ManagedPolicy;
import io.agentfence.inventory.PolicyDocument;
import io.agentfence.inventory.ResourceKind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.PolicyDetail;

/**
 * Reads an account's IAM with the GetAccountAuthorizationDetails paginator: every policy (default
 * version document), role, user and group with attachments and permission boundaries, in a handful
 * of pages instead of thousands of per-policy calls.
 */
public final class IamCollector {
  static final KindReads IAM = KindReads.of(ResourceKind.IAM, ReadOperation.IAM_GET_ACCOUNT_AUTHORIZATION_DETAILS);

  /** Registration (see {@link CollectorRegistry}): once per account, against the global endpoint. */
  public static final AccountCollector PER_ACCOUNT = AccountCollector.of(List.of(IAM),
      (clients, reads, into) -> into.iam(collect(clients.open(IamClient.builder(), ReadOperation.Service.IAM), reads)));

  private IamCollector() {}

  public static IamInventory collect(IamClient iam, Reads reads) {
    List<ManagedPolicy> policies = new ArrayList<>();
    List<IamPrincipal> principals = new ArrayList<>();
    boolean ok = reads.kind(IAM, () -> read(iam, policies, principals));
    // A partial IAM read is worse than none for guardrail evaluation; keep it only when complete.
    return ok ? new IamInventory(policies, principals) : IamInventory.empty();
  }

  private static void read(IamClient iam, List<ManagedPolicy> policies, List<IamPrincipal> principals) {
    var pages = call(ReadOperation.IAM_GET_ACCOUNT_AUTHORIZATION_DETAILS,
        () -> iam.getAccountAuthorizationDetailsPaginator(r -> {}).stream().toList());
    for (var page : pages) {
      for (var p : page.policies()) {
        var version = p.policyVersionList().stream()
            .filter(v -> Boolean.TRUE.equals(v.isDefaultVersion())).findFirst()
            .orElseThrow(() -> ReadFailure.malformed(ReadOperation.IAM_GET_ACCOUNT_AUTHORIZATION_DETAILS,
                "policy " + p.arn() + " has no default version document"));
        policies.add(new ManagedPolicy(p.arn(), p.policyName(), p.path(), p.defaultVersionId(),
            isAwsManaged(p.arn()), decode(p.arn(), version.document())));
      }
      for (var u : page.userDetailList()) {
        principals.add(new IamPrincipal(PrincipalType.USER, u.userName(), u.arn(), u.path(),
            arns(u.attachedManagedPolicies()), inline(u.arn(), u.userPolicyList()),
            boundary(u.permissionsBoundary()), u.groupList(), false));
      }
      for (var g : page.groupDetailList()) {
        principals.add(new IamPrincipal(PrincipalType.GROUP, g.groupName(), g.arn(), g.path(),
            arns(g.attachedManagedPolicies()), inline(g.arn(), g.groupPolicyList()),
            Optional.empty(), List.of(), false));
      }
      for (var r : page.roleDetailList()) {
        String path = r.path() == null ? "/" : r.path();
        principals.add(new IamPrincipal(PrincipalType.ROLE, r.roleName(), r.arn(), path,
            arns(r.attachedManagedPolicies()), inline(r.arn(), r.rolePolicyList()),
            boundary(r.permissionsBoundary()), List.of(), path.startsWith("/aws-service-role/")));
      }
    }
  }

  static boolean isAwsManaged(String arn) {
    // arn:<partition>:iam::aws:policy/...
    return arn != null && arn.contains(":iam::aws:policy/");
  }

  private static List<String> arns(List<AttachedPolicy> attached) {
    return attached.stream().map(AttachedPolicy::policyArn).toList();
  }

  private static Optional<String> boundary(AttachedPermissionsBoundary b) {
    return b == null ? Optional.empty() : Optional.ofNullable(b.permissionsBoundaryArn());
  }

  private static List<InlinePolicy> inline(String owner, List<PolicyDetail> details) {
    List<InlinePolicy> out = new ArrayList<>();
    for (PolicyDetail d : details) {
      out.add(new InlinePolicy(d.policyName(), decode(owner + " inline " + d.policyName(), d.policyDocument())));
    }
    return out;
  }

  /**
   * IAM returns documents URL-encoded (RFC 3986) and SDK v2 does not decode them (aws-sdk-java-v2
   * #4229); AWS's own guidance for Java is URLDecoder. A document that is not JSON after decoding
   * is kept as text: the checks report it rather than the whole account failing.
   */
  static PolicyDocument decode(String what, String encoded) {
    if (encoded == null || encoded.isBlank()) {
      throw ReadFailure.malformed(ReadOperation.IAM_GET_ACCOUNT_AUTHORIZATION_DETAILS, what + " has no document");
    }
    try {
      return new PolicyDocument(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw ReadFailure.malformed(ReadOperation.IAM_GET_ACCOUNT_AUTHORIZATION_DETAILS,
          what + ": policy document is not valid URL encoding: " + e.getMessage());
    }
  }
}
