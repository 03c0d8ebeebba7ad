package io.agentfence.terraform;

import io.agentfence.inventory.IamPrincipal;
import io.agentfence.inventory.IamPrincipal.PrincipalType;
import io.agentfence.inventory.InlinePolicy;
import io.agentfence.inventory.ManagedPolicy;
import io.agentfence.inventory.PolicyDocument;
import io.agentfence.inventory.ServiceControlPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM managed policies, roles with their inline policies and attachments, and Organizations SCPs
 * with their targets. A document built by an {@code aws_iam_policy_document} data source is the
 * rendered JSON the plan holds (in the prior state, or in the data source's own change).
 */
final class IamMapping {
  private IamMapping() {}

  static Optional<String> policy(Apply a) {
    View v = a.view;
    String arn = v.own("arn");
    String name = v.plain("name").orElse(arn);
    a.key(arn, name);
    if (a.remove) {
      a.acct().policies.remove(arn);
      return Optional.empty();
    }
    a.acct().policies.put(arn, new ManagedPolicy(arn, name, v.plain("path").orElse("/"), "v1", false, document(a, "policy")));
    return Optional.empty();
  }

  static Optional<String> role(Apply a) {
    View v = a.view;
    String arn = v.own("arn");
    String name = v.plain("name").orElse(v.own("name"));
    a.key(arn, name);
    Map<String, IamPrincipal> principals = a.acct().principals;
    Optional<IamPrincipal> before = byName(principals, name);
    before.ifPresent(p -> principals.remove(p.arn()));
    if (!a.remove) {
      IamPrincipal b = before.orElse(null);
      principals.put(arn, new IamPrincipal(PrincipalType.ROLE, name, arn, v.plain("path").orElse("/"),
          b == null ? List.of() : b.attachedPolicyArns(), b == null ? List.of() : b.inlinePolicies(),
          v.plain("permissions_boundary").filter(s -> !s.isEmpty()), List.of(), false));
    }
    return Optional.empty();
  }

  /** aws_iam_role_policy: an inline policy of a role, by role name. */
  static Optional<String> rolePolicy(Apply a) {
    View v = a.view;
    String role = roleName(v.text("role"));
    String name = v.plain("name").orElse("");
    a.key(role + "/" + name, name);
    Optional<IamPrincipal> p = byName(a.acct().principals, role);
    if (p.isEmpty()) {
      return Apply.missing("IAM role", role);
    }
    List<InlinePolicy> inline = new ArrayList<>(p.get().inlinePolicies());
    inline.removeIf(i -> i.name().equals(name));
    if (!a.remove) {
      inline.add(new InlinePolicy(name, document(a, "policy")));
    }
    replace(a, p.get(), p.get().attachedPolicyArns(), inline);
    return Optional.empty();
  }

  /** aws_iam_role_policy_attachment: a managed policy attached to a role. */
  static Optional<String> attachment(Apply a) {
    View v = a.view;
    String role = roleName(v.text("role"));
    String policyArn = v.text("policy_arn");
    a.key(role + ">" + policyArn, policyArn);
    Optional<IamPrincipal> p = byName(a.acct().principals, role);
    if (p.isEmpty()) {
      return Apply.missing("IAM role", role);
    }
    List<String> attached = new ArrayList<>(p.get().attachedPolicyArns());
    attached.remove(policyArn);
    if (!a.remove) {
      attached.add(policyArn);
    }
    replace(a, p.get(), attached, p.get().inlinePolicies());
    return Optional.empty();
  }

  /** aws_organizations_policy of type SERVICE_CONTROL_POLICY; other policy types are not SCPs. */
  static Optional<String> scp(Apply a) {
    View v = a.view;
    String type = v.plain("type").orElse("SERVICE_CONTROL_POLICY");
    if (!type.equals("SERVICE_CONTROL_POLICY")) {
      return Optional.of("an Organizations " + type + " is not a service control policy; no rule reads it");
    }
    String id = v.own("id");
    a.key(id, v.own("arn"), v.plain("name").orElse(id));
    Map<String, ServiceControlPolicy> scps = a.world.scps(a.account);
    ServiceControlPolicy before = scps.remove(id);
    if (!a.remove) {
      scps.put(id, new ServiceControlPolicy(id, v.own("arn"), v.plain("name").orElse(id), false, document(a, "content"),
          before == null ? List.of() : before.targetIds()));
    }
    return Optional.empty();
  }

  static Optional<String> scpAttachment(Apply a) {
    View v = a.view;
    String policyId = v.text("policy_id");
    String target = v.text("target_id");
    a.key(policyId + ">" + target, policyId);
    Map<String, ServiceControlPolicy> scps = a.world.scps(a.account);
    ServiceControlPolicy p = scps.get(policyId);
    if (p == null) {
      return Apply.missing("SCP", policyId);
    }
    List<String> targets = new ArrayList<>(p.targetIds());
    targets.remove(target);
    if (!a.remove) {
      targets.add(target);
    }
    scps.put(policyId, new ServiceControlPolicy(p.id(), p.arn(), p.name(), p.awsManaged(), p.document(), targets));
    return Optional.empty();
  }

  /**
   * A policy document; one known only after apply is kept as its marker, which is not JSON, and
   * recorded as opaque: the evaluator reports it as not a valid policy without quoting it, so the
   * findings about it are found through the resource instead ({@link AfterApplyCheck}).
   */
  private static PolicyDocument document(Apply a, String attr) {
    Optional<String> doc = a.view.literal(attr).filter(s -> !s.isBlank());
    if (doc.isPresent() && !doc.get().startsWith(Placeholders.AFTER_APPLY)) {
      return new PolicyDocument(doc.get());
    }
    String marker = doc.orElseGet(() -> a.view.markUnknown(attr));
    a.opaque.add(marker);
    return new PolicyDocument(marker);
  }

  /** The {@code role} argument takes a name; an ARN given instead names the role after its last slash. */
  private static String roleName(String role) {
    return role.startsWith("arn:") ? role.substring(role.lastIndexOf('/') + 1) : role;
  }

  private static Optional<IamPrincipal> byName(Map<String, IamPrincipal> principals, String name) {
    return principals.values().stream().filter(p -> p.type() == PrincipalType.ROLE && p.name().equals(name)).findFirst();
  }

  private static void replace(Apply a, IamPrincipal p, List<String> attached, List<InlinePolicy> inline) {
    a.acct().principals.put(p.arn(), new IamPrincipal(p.type(), p.name(), p.arn(), p.path(), attached, inline,
        p.permissionsBoundaryArn(), p.groups(), p.serviceLinked()));
  }
}
