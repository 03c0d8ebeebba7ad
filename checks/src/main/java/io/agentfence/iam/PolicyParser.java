package io.agentfence.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an IAM policy document (identity policy, permissions boundary or SCP) into {@link Policy}.
 * Accepts what IAM accepts: Statement as object or array, string-or-array for Action, Resource and
 * condition values, booleans and numbers as condition values. Principal/NotPrincipal are ignored
 * (identity policies and SCPs have none). Anything else is a {@link PolicyParseException} naming
 * the policy, the JSON location and the fix: a guardrail we cannot read must never be reported
 * as working.
 */
public final class PolicyParser {
  /** Duplicate keys are rejected: which of two "Statement" keys IAM honours is not documented. */
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** What kind of document is read; SCPs may omit Resource (it then means "*"). */
  public enum Kind { IDENTITY, BOUNDARY, SCP }

  private PolicyParser() {}

  public static Policy parse(String json, String source) {
    return parse(json, source, Kind.IDENTITY);
  }

  public static Policy parse(String json, String source, Kind kind) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      TokenStreamLocation loc = e.getLocation();
      String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new PolicyParseException(source + ": not valid JSON" + where + ": "
          + firstLine(e.getOriginalMessage()) + " (fix the JSON syntax; IAM policies are JSON objects)", e);
    }
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw error(source, "", "the document is not a JSON object", "a policy is {\"Version\": ..., \"Statement\": [...]}");
    }
    Optional<String> version = Optional.empty();
    JsonNode v = root.get("Version");
    if (v != null) {
      if (!v.isString()) {
        throw error(source, "/Version", "Version must be a string", "use \"2012-10-17\"");
      }
      version = Optional.of(v.stringValue());
    }
    JsonNode st = root.get("Statement");
    if (st == null) {
      throw error(source, "", "no Statement element", "add \"Statement\": [ ... ]");
    }
    List<Statement> statements = new ArrayList<>();
    if (st.isObject()) {
      statements.add(statement(st, 0, "/Statement", source, kind));
    } else if (st.isArray()) {
      int i = 0;
      for (JsonNode s : st.values()) {
        statements.add(statement(s, i, "/Statement/" + i, source, kind));
        i++;
      }
    } else {
      throw error(source, "/Statement", "Statement must be an object or an array of objects", "wrap statements in [ ]");
    }
    return new Policy(source, version, statements);
  }

  private static Statement statement(JsonNode s, int index, String at, String source, Kind kind) {
    if (!s.isObject()) {
      throw error(source, at, "a statement must be a JSON object", "write each statement as { \"Effect\": ... }");
    }
    Optional<String> sid = Optional.empty();
    if (s.has("Sid")) {
      JsonNode sidNode = s.get("Sid");
      if (!sidNode.isString()) {
        throw error(source, at + "/Sid", "Sid must be a string", "quote the Sid");
      }
      sid = Optional.of(sidNode.stringValue());
    }
    JsonNode e = s.get("Effect");
    if (e == null || !e.isString()) {
      throw error(source, at + "/Effect", "missing or non-string Effect", "set \"Effect\": \"Allow\" or \"Deny\"");
    }
    Effect effect;
    switch (e.stringValue()) {
      case "Allow":
        effect = Effect.ALLOW;
        break;
      case "Deny":
        effect = Effect.DENY;
        break;
      default:
        throw error(source, at + "/Effect", "Effect \"" + e.stringValue() + "\" is neither Allow nor Deny",
            "IAM spells it exactly \"Allow\" or \"Deny\"");
    }
    boolean hasAction = s.has("Action");
    boolean hasNotAction = s.has("NotAction");
    if (hasAction == hasNotAction) {
      throw error(source, at, hasAction ? "both Action and NotAction" : "neither Action nor NotAction",
          "a statement has exactly one of Action or NotAction");
    }
    String actionKey = hasAction ? "Action" : "NotAction";
    List<String> actions = strings(s.get(actionKey), at + "/" + actionKey, source);
    boolean hasResource = s.has("Resource");
    boolean hasNotResource = s.has("NotResource");
    List<String> resources;
    if (hasResource && hasNotResource) {
      throw error(source, at, "both Resource and NotResource", "a statement has exactly one of Resource or NotResource");
    } else if (!hasResource && !hasNotResource) {
      if (kind != Kind.SCP) {
        throw error(source, at, "neither Resource nor NotResource",
            "add \"Resource\": \"*\" (AgentCore create actions have no resource type)");
      }
      resources = List.of("*");
    } else {
      String rk = hasResource ? "Resource" : "NotResource";
      resources = strings(s.get(rk), at + "/" + rk, source);
    }
    List<Condition> conditions = new ArrayList<>();
    JsonNode c = s.get("Condition");
    if (c != null) {
      if (!c.isObject()) {
        throw error(source, at + "/Condition", "Condition must be an object", "write { \"Operator\": { \"key\": value } }");
      }
      for (Map.Entry<String, JsonNode> op : c.properties()) {
        String opAt = at + "/Condition/" + escape(op.getKey());
        ConditionOperator operator = ConditionOperator.parse(op.getKey()).orElseThrow(() -> error(source, opAt,
            "unknown condition operator \"" + op.getKey() + "\"",
            ConditionOperator.suggestion(op.getKey()).map(x -> "did you mean " + x + "?")
                .orElse("use an operator from the IAM condition operator reference")));
        if (!op.getValue().isObject()) {
          throw error(source, opAt, "the operator's value must be an object of condition keys", "write { \"key\": value }");
        }
        for (Map.Entry<String, JsonNode> kv : op.getValue().properties()) {
          String keyAt = opAt + "/" + escape(kv.getKey());
          List<String> values = strings(kv.getValue(), keyAt, source);
          validateValues(operator, values, keyAt, source);
          conditions.add(new Condition(operator, kv.getKey(), values, keyAt));
        }
      }
    }
    return new Statement(index, sid, effect, actions, !hasAction, resources, hasNotResource, conditions);
  }

  private static void validateValues(ConditionOperator op, List<String> values, String at, String source) {
    for (String v : values) {
      switch (op.base().family()) {
        case NULL:
        case BOOL:
          if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw error(source, at, op.name() + " takes \"true\" or \"false\", not \"" + v + "\"", "use true or false");
          }
          break;
        case NUMERIC:
          if (ValueParsers.number(v).isEmpty()) {
            throw error(source, at, op.name() + " value \"" + v + "\" is not a number", "write a number");
          }
          break;
        case DATE:
          if (ValueParsers.date(v).isEmpty()) {
            throw error(source, at, op.name() + " value \"" + v + "\" is not a date",
                "write an ISO 8601 date such as 2026-01-01T00:00:00Z or epoch seconds");
          }
          break;
        case IP:
          if (ValueParsers.cidr(v).isEmpty()) {
            throw error(source, at, op.name() + " value \"" + v + "\" is not an IP address or CIDR", "write e.g. 10.0.0.0/8");
          }
          break;
        default:
          break;
      }
    }
  }

  private static List<String> strings(JsonNode n, String at, String source) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      int i = 0;
      for (JsonNode item : n.values()) {
        out.add(scalar(item, at + "/" + i, source));
        i++;
      }
    } else {
      out.add(scalar(n, at, source));
    }
    return out;
  }

  private static String scalar(JsonNode n, String at, String source) {
    if (n.isString()) {
      return n.stringValue();
    }
    if (n.isBoolean() || n.isNumber()) {
      return n.asString();
    }
    throw error(source, at, "expected a string (or an array of strings), found " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
        "write a string or an array of strings");
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static PolicyParseException error(String source, String pointer, String what, String fix) {
    return new PolicyParseException(source + ": at " + (pointer.isEmpty() ? "/" : pointer) + ": " + what + " (" + fix + ")");
  }
}
