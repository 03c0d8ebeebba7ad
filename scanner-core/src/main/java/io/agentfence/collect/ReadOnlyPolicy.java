package io.agentfence.collect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The least-privilege IAM policy for scanning, generated from {@link ReadOperation} (and nothing
 * else), with explicit action names: {@code bedrock-agentcore:Get*} would include token-returning
 * actions such as GetWorkloadAccessToken.
 */
public final class ReadOnlyPolicy {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ReadOnlyPolicy() {}

  /** Actions the role in each scanned account needs. */
  public static Set<String> memberActions() {
    return actions(EnumSet.of(ReadOperation.Scope.MEMBER));
  }

  /** Actions the scanning principal needs for {@code --org} / {@code --account} scans. */
  public static Set<String> scannerActions() {
    return actions(EnumSet.of(ReadOperation.Scope.SCANNER));
  }

  private static Set<String> actions(Set<ReadOperation.Scope> scopes) {
    Set<String> out = new TreeSet<>();
    for (ReadOperation op : ReadOperation.values()) {
      if (scopes.contains(op.scope())) {
        out.add(op.iamAction());
      }
    }
    return out;
  }

  /**
   * The policy document as JSON.
   *
   * @param includeScanner also the statements for the principal that runs an organization scan
   * @param roleName       the member role name, used to scope {@code sts:AssumeRole}
   */
  public static String json(boolean includeScanner, String roleName) {
    List<Map<String, Object>> statements = new ArrayList<>();
    for (ReadOperation.Service service : ReadOperation.Service.values()) {
      List<String> actions = Arrays.stream(ReadOperation.values())
          .filter(o -> o.service() == service && o.scope() == ReadOperation.Scope.MEMBER)
          .map(ReadOperation::iamAction).sorted().toList();
      if (!actions.isEmpty()) {
        statements.add(statement("AgentfenceRead" + sid(service), actions, "*"));
      }
    }
    if (includeScanner) {
      List<String> org = Arrays.stream(ReadOperation.values())
          .filter(o -> o.scope() == ReadOperation.Scope.SCANNER && o != ReadOperation.STS_ASSUME_ROLE)
          .map(ReadOperation::iamAction).sorted().toList();
      statements.add(statement("AgentfenceReadOrganization", org, "*"));
      statements.add(statement("AgentfenceAssumeScanRole",
          List.of(ReadOperation.STS_ASSUME_ROLE.iamAction()), "arn:aws:iam::*:role/" + roleName));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", "2012-10-17");
    doc.put("Statement", statements);
    return JSON.writeValueAsString(doc);
  }

  private static Map<String, Object> statement(String sid, List<String> actions, String resource) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Sid", sid);
    s.put("Effect", "Allow");
    s.put("Action", actions);
    s.put("Resource", resource);
    return s;
  }

  private static String sid(ReadOperation.Service service) {
    switch (service) {
      case AGENTCORE: return "AgentCore";
      case EC2: return "Network";
      case IAM: return "Iam";
      case STS: return "Identity";
      default: return "Organization";
    }
  }
}
