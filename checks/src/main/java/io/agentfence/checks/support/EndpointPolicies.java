package io.agentfence.checks.support;

import io.agentfence.inventory.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a gateway endpoint policy (S3 or DynamoDB) lets the VPC reach any bucket or
 * table. Deliberately narrow: an Allow statement counts as open when it has no Condition, a
 * wildcard principal, and a Resource that names every bucket/table ({@code *},
 * {@code arn:aws:s3:::*}, {@code arn:aws:dynamodb:*:*:table/*} ...) or uses NotResource. A
 * Condition is taken as restricting (e.g. {@code aws:ResourceAccount}); that reading is lenient
 * and stated in the finding.
 */
public final class EndpointPolicies {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EndpointPolicies() {}

  /** The outcome: open (with why), restricted, or not a policy (with the parse problem). */
  public record Openness(boolean open, boolean invalid, String reason) {}

  public static Openness evaluate(Optional<PolicyDocument> doc) {
    if (doc.isEmpty()) {
      return new Openness(true, false, "it has no endpoint policy, and the default policy allows full access"
          + " to every bucket/table");
    }
    JsonNode root;
    try {
      root = JSON.readTree(doc.get().json());
    } catch (JacksonException e) {
      return new Openness(false, true, "its endpoint policy is not valid JSON (" + e.getOriginalMessage()
          + "); fix the policy with 'aws ec2 modify-vpc-endpoint --policy-document'");
    }
    if (root == null || !root.isObject() || !root.has("Statement")) {
      return new Openness(false, true, "its endpoint policy is not a policy document (no Statement)");
    }
    JsonNode st = root.get("Statement");
    List<JsonNode> statements = new ArrayList<>();
    if (st.isArray()) {
      st.forEach(statements::add);
    } else {
      statements.add(st);
    }
    for (int i = 0; i < statements.size(); i++) {
      JsonNode s = statements.get(i);
      if (!"Allow".equals(s.path("Effect").asString(""))) {
        continue;
      }
      if (s.has("Condition") && s.get("Condition").size() > 0) {
        continue;
      }
      if (!principalIsAnyone(s)) {
        continue;
      }
      String sid = s.has("Sid") ? "statement " + s.get("Sid").asString("") : "statement #" + (i + 1);
      if (s.has("NotResource")) {
        return new Openness(true, false, sid + " allows any principal every resource except its NotResource list");
      }
      for (String r : strings(s.get("Resource"))) {
        if (anyBucketOrTable(r)) {
          return new Openness(true, false, sid + " allows any principal, without condition, on Resource " + r);
        }
      }
    }
    return new Openness(false, false, "every Allow statement names specific buckets/tables, principals or"
        + " conditions");
  }

  private static boolean principalIsAnyone(JsonNode s) {
    JsonNode p = s.get("Principal");
    if (p == null) {
      return true;
    }
    if (p.isString()) {
      return p.asString().equals("*");
    }
    return strings(p.get("AWS")).contains("*");
  }

  /** A resource that matches every bucket or table: the name segment starts with a wildcard. */
  static boolean anyBucketOrTable(String r) {
    if (r.equals("*")) {
      return true;
    }
    String[] parts = r.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) {
      return false;
    }
    String service = parts[2];
    String rest = parts[5];
    if (service.equals("s3") || service.equals("*")) {
      return rest.startsWith("*");
    }
    if (service.equals("dynamodb")) {
      return parts[4].equals("*") || rest.equals("*") || rest.startsWith("table/*");
    }
    return false;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asString("")));
    } else {
      out.add(n.asString(""));
    }
    return out;
  }
}
