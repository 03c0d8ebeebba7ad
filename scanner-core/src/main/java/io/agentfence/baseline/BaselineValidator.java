package io.agentfence.baseline;

import io.agentfence.target.TargetIds;
import io.agentfence.util.Suggestions;
import io.agentfence.finding.Severity;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Validates the YAML tree of a baseline and binds it to {@link Baseline}, collecting every error
 * with its location rather than stopping at the first. The id patterns here are the single source
 * of truth; {@code docs/baseline.schema.json} mirrors them (a test keeps the two in step on the
 * shipped example).
 */
final class BaselineValidator {
  static final int SUPPORTED_VERSION = 1;

  static final Pattern ACCOUNT = TargetIds.ACCOUNT;
  static final Pattern REGION = TargetIds.REGION;
  static final Pattern VPC = Pattern.compile("^vpc-[0-9a-f]{8,17}$");
  static final Pattern SUBNET = Pattern.compile("^subnet-[0-9a-f]{8,17}$");
  static final Pattern SECURITY_GROUP = Pattern.compile("^sg-[0-9a-f]{8,17}$");
  static final Pattern INSPECTION_TARGET = Pattern.compile("^(tgw|eni|vpce|i)-[0-9a-f]{8,17}$");
  static final Pattern RULE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");
  static final Pattern POLICY_NAME =
      Pattern.compile("^([\\w+=,.@-]{1,128}|arn:aws[\\w-]*:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]+)$");
  static final Pattern SCP_NAME = Pattern.compile("^(?!\\s)[^\\n]{1,128}$");
  static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  static final Pattern RESOURCE_GLOB = Pattern.compile("^(\\*{1,2}|arn:\\S+)$");

  private static final List<String> TOP_KEYS =
      List.of("version", "landingZones", "guardrail", "severityOverrides", "suppressions");
  private static final List<String> ZONE_KEYS = List.of("name", "accounts", "regions", "vpcId",
      "approvedSubnets", "approvedSecurityGroups", "inspectionTargets");
  private static final List<String> GUARDRAIL_KEYS = List.of("managedPolicies", "scps");
  private static final List<String> SUPPRESSION_KEYS = List.of("ruleId", "resource", "account",
      "region", "tags", "justification", "owner", "expires");

  private final String source;
  private final SourceMap map;
  private final List<BaselineError> errors = new ArrayList<>();

  BaselineValidator(String source, SourceMap map) {
    this.source = source;
    this.map = map;
  }

  Baseline bind(JsonNode root) {
    for (SourceMap.Duplicate d : map.duplicates()) {
      errors.add(new BaselineError(source, d.pos().line(), d.pos().column(),
          "duplicate key '" + d.key() + "'", "Keep one '" + d.key() + "' and remove the other"));
    }
    if (map.multipleDocuments()) {
      errors.add(new BaselineError(source, map.secondDocument().line(), map.secondDocument().column(),
          "more than one YAML document", "Keep a single document: remove the second '---' section"));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      errors.add(at("", "the baseline is empty",
          "Start from docs/agentfence.example.yaml (version: 1, landingZones: [...])"));
      throw new BaselineException(errors);
    }
    if (!root.isObject()) {
      errors.add(at("", "the baseline must be a mapping of keys, not " + describe(root),
          "Start from docs/agentfence.example.yaml"));
      throw new BaselineException(errors);
    }
    keys(root, "", TOP_KEYS, "the baseline");

    int version = version(root);
    List<LandingZone> zones = landingZones(root);
    GuardrailConfig guardrail = guardrail(root);
    Map<String, Severity> overrides = severityOverrides(root);
    List<Suppression> suppressions = suppressions(root);

    if (!errors.isEmpty()) {
      errors.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
          : Integer.compare(a.column(), b.column()));
      throw new BaselineException(errors);
    }
    return new Baseline(version, source, zones, guardrail, overrides, suppressions);
  }

  // ---- sections -------------------------------------------------------------------------------

  private int version(JsonNode root) {
    JsonNode v = root.get("version");
    if (v == null) {
      missing("", "the baseline", "version", "Add 'version: 1' at the top of the file");
      return SUPPORTED_VERSION;
    }
    if (!v.isIntegralNumber()) {
      errors.add(at("/version", "version must be a number, got " + describe(v), "Write 'version: 1'"));
      return SUPPORTED_VERSION;
    }
    if (v.asInt() != SUPPORTED_VERSION) {
      errors.add(at("/version", "unsupported baseline version " + v.asString(),
          "This agentfence reads version " + SUPPORTED_VERSION + "; write 'version: 1'"));
    }
    return SUPPORTED_VERSION;
  }

  private List<LandingZone> landingZones(JsonNode root) {
    JsonNode zones = root.get("landingZones");
    List<LandingZone> out = new ArrayList<>();
    if (zones == null) {
      missing("", "the baseline", "landingZones",
          "Add 'landingZones:' with at least one zone (see docs/baseline.md)");
      return out;
    }
    if (!zones.isArray() || zones.isEmpty()) {
      errors.add(at("/landingZones", "landingZones must be a non-empty list, got " + describe(zones),
          "List at least one zone: '- name: ...' with accounts, regions, vpcId and approved ids"));
      return out;
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < zones.size(); i++) {
      String ptr = "/landingZones/" + i;
      JsonNode z = zones.get(i);
      if (!z.isObject()) {
        errors.add(at(ptr, "a landing zone must be a mapping, got " + describe(z),
            "Write '- name: ...' followed by its keys"));
        continue;
      }
      String what = "landing zone";
      keys(z, ptr, ZONE_KEYS, what);
      String name = string(z, ptr, "name", what, true, null, null).orElse("");
      if (!name.isEmpty() && names.putIfAbsent(name, ptr) != null) {
        errors.add(at(ptr + "/name", "duplicate landing zone name '" + name + "'",
            "Give every landing zone a unique name"));
      }
      List<String> accounts = ids(z, ptr, "accounts", what, ACCOUNT, "an AWS account id",
          "Account ids are 12 digits; quote them ('012345678901') so YAML keeps leading zeros");
      List<String> regions = ids(z, ptr, "regions", what, REGION, "an AWS region",
          "Use a region code such as 'us-east-1' or 'eu-west-3'");
      String vpc = string(z, ptr, "vpcId", what, true, VPC,
          "Use the VPC id as shown by 'aws ec2 describe-vpcs', e.g. 'vpc-0a1b2c3d4e5f60718'")
          .orElse("");
      List<String> subnets = ids(z, ptr, "approvedSubnets", what, SUBNET, "a subnet id",
          "Use subnet ids such as 'subnet-0a1b2c3d4e5f60718'");
      List<String> sgs = ids(z, ptr, "approvedSecurityGroups", what, SECURITY_GROUP,
          "a security group id", "Use security group ids such as 'sg-0a1b2c3d4e5f60718'");
      List<String> targets = ids(z, ptr, "inspectionTargets", what, INSPECTION_TARGET,
          "an inspection target id",
          "Use the id the default route must reach: a transit gateway (tgw-…), ENI (eni-…), "
              + "Gateway Load Balancer endpoint (vpce-…) or instance (i-…)");
      if (!name.isEmpty() && !vpc.isEmpty()) {
        out.add(new LandingZone(name, accounts, regions, vpc, subnets, sgs, targets));
      }
    }
    return out;
  }

  private GuardrailConfig guardrail(JsonNode root) {
    JsonNode g = root.get("guardrail");
    if (g == null) {
      return GuardrailConfig.none();
    }
    if (!g.isObject()) {
      errors.add(at("/guardrail", "guardrail must be a mapping, got " + describe(g),
          "Write 'guardrail:' with 'managedPolicies:' and/or 'scps:' lists"));
      return GuardrailConfig.none();
    }
    keys(g, "/guardrail", GUARDRAIL_KEYS, "guardrail");
    List<String> policies = optionalList(g, "/guardrail", "managedPolicies", POLICY_NAME,
        "an IAM policy name or ARN", "Use the customer managed policy's name, e.g. 'AgentCoreContainment'");
    List<String> scps = optionalList(g, "/guardrail", "scps", SCP_NAME, "an SCP name",
        "Use the service control policy's name (1-128 characters)");
    return new GuardrailConfig(policies, scps);
  }

  private Map<String, Severity> severityOverrides(JsonNode root) {
    JsonNode o = root.get("severityOverrides");
    Map<String, Severity> out = new LinkedHashMap<>();
    if (o == null) {
      return out;
    }
    if (!o.isObject()) {
      errors.add(at("/severityOverrides", "severityOverrides must be a mapping, got " + describe(o),
          "Write 'severityOverrides:' followed by 'RULE-ID: high' lines"));
      return out;
    }
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      String ptr = "/severityOverrides/" + SourceMap.escape(e.getKey());
      if (!RULE_ID.matcher(e.getKey()).matches()) {
        errors.add(atKey(ptr, "'" + e.getKey() + "' is not a rule id",
            "Use an id listed by 'agentfence rules'"));
      }
      JsonNode v = e.getValue();
      Optional<Severity> sev = v.isString() && v.asString().equals(v.asString().toLowerCase(Locale.ROOT))
          ? Severity.parse(v.asString()) : Optional.empty();
      if (sev.isEmpty()) {
        errors.add(at(ptr, "unknown severity " + quote(v) + " for rule " + e.getKey(),
            "Use one of: " + String.join(", ", BaselineParser.severityNames())));
      } else {
        out.put(e.getKey(), sev.get());
      }
    }
    return out;
  }

  private List<Suppression> suppressions(JsonNode root) {
    JsonNode list = root.get("suppressions");
    List<Suppression> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    if (!list.isArray()) {
      errors.add(at("/suppressions", "suppressions must be a list, got " + describe(list),
          "Write 'suppressions:' followed by '- ruleId: ...' entries"));
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      String ptr = "/suppressions/" + i;
      JsonNode s = list.get(i);
      String what = "suppression";
      if (!s.isObject()) {
        errors.add(at(ptr, "a suppression must be a mapping, got " + describe(s),
            "Write '- ruleId: ...' followed by justification, owner and expires"));
        continue;
      }
      keys(s, ptr, SUPPRESSION_KEYS, what);
      Optional<String> ruleId = string(s, ptr, "ruleId", what, true, RULE_ID,
          "Use an id listed by 'agentfence rules'");
      Optional<String> resource = string(s, ptr, "resource", what, false, RESOURCE_GLOB,
          "Use an ARN, optionally with '*' (within a segment) or '**' (across segments)");
      Optional<String> account = string(s, ptr, "account", what, false, ACCOUNT,
          "Account ids are 12 digits; quote them ('012345678901')");
      Optional<String> region = string(s, ptr, "region", what, false, REGION,
          "Use a region code such as 'us-east-1'");
      Map<String, String> tags = tags(s, ptr);
      Optional<String> justification = string(s, ptr, "justification", what, true, null, null);
      Optional<String> owner = string(s, ptr, "owner", what, true, null, null);
      Optional<LocalDate> expires = date(s, ptr, "expires", what);
      if (ruleId.isPresent() && justification.isPresent() && owner.isPresent() && expires.isPresent()) {
        out.add(new Suppression(ruleId.get(), resource, account, region, tags, justification.get(),
            owner.get(), expires.get()));
      }
    }
    return out;
  }

  private Map<String, String> tags(JsonNode s, String ptr) {
    JsonNode t = s.get("tags");
    Map<String, String> out = new LinkedHashMap<>();
    if (t == null) {
      return out;
    }
    if (!t.isObject()) {
      errors.add(at(ptr + "/tags", "tags must be a mapping, got " + describe(t),
          "Write 'tags:' followed by 'Key: value' lines"));
      return out;
    }
    for (Map.Entry<String, JsonNode> e : t.properties()) {
      JsonNode v = e.getValue();
      String vptr = ptr + "/tags/" + SourceMap.escape(e.getKey());
      if (!v.isValueNode() || v.isNull()) {
        errors.add(at(vptr, "tag '" + e.getKey() + "' must have a text value, got " + describe(v),
            "Write 'Key: value'"));
      } else {
        out.put(e.getKey(), map.raw(vptr).orElse(v.asString()));
      }
    }
    return out;
  }

  // ---- field helpers --------------------------------------------------------------------------

  private void keys(JsonNode obj, String ptr, List<String> allowed, String what) {
    Iterator<String> names = obj.propertyNames().iterator();
    while (names.hasNext()) {
      String k = names.next();
      if (!allowed.contains(k)) {
        String hint = suggest(k, allowed).map(s -> "Did you mean '" + s + "'? ").orElse("")
            + "Allowed keys: " + String.join(", ", allowed);
        errors.add(atKey(ptr + "/" + SourceMap.escape(k), "unknown key '" + k + "' in " + what, hint));
      }
    }
  }

  /** A scalar string field; {@code pattern} may be null (any non-blank text). */
  private Optional<String> string(JsonNode obj, String ptr, String key, String what, boolean required,
      Pattern pattern, String hint) {
    JsonNode v = obj.get(key);
    String fptr = ptr + "/" + key;
    if (v == null) {
      if (required) {
        missing(ptr, what, key, "Add '" + key + ":' to this " + what);
      }
      return Optional.empty();
    }
    if (!v.isValueNode() || v.isNull() || v.isBoolean()) {
      errors.add(at(fptr, key + " must be text, got " + describe(v), hint == null ? "Write '" + key + ": <text>'" : hint));
      return Optional.empty();
    }
    String text = map.raw(fptr).orElse(v.asString());
    if (text.isBlank()) {
      errors.add(at(fptr, key + " must not be empty", hint == null ? "Write '" + key + ": <text>'" : hint));
      return Optional.empty();
    }
    if (pattern != null && !pattern.matcher(text).matches()) {
      errors.add(at(fptr, "malformed " + key + " '" + text + "'", hint));
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** A required, non-empty list of ids matching {@code pattern}. */
  private List<String> ids(JsonNode obj, String ptr, String key, String what, Pattern pattern,
      String itemDesc, String hint) {
    JsonNode v = obj.get(key);
    if (v == null) {
      missing(ptr, what, key, "Add '" + key + ":' with a list of at least one entry, each " + itemDesc);
      return List.of();
    }
    if (!v.isArray() || v.isEmpty()) {
      errors.add(at(ptr + "/" + key, key + " must be a non-empty list of ids, got " + describe(v),
          "Write '" + key + ": [ ... ]' with at least one entry, each " + itemDesc));
      return List.of();
    }
    return items(v, ptr + "/" + key, key, pattern, itemDesc, hint);
  }

  private List<String> optionalList(JsonNode obj, String ptr, String key, Pattern pattern,
      String itemDesc, String hint) {
    JsonNode v = obj.get(key);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      errors.add(at(ptr + "/" + key, key + " must be a list, got " + describe(v),
          "Write '" + key + ": [ ... ]'"));
      return List.of();
    }
    return items(v, ptr + "/" + key, key, pattern, itemDesc, hint);
  }

  private List<String> items(JsonNode array, String ptr, String key, Pattern pattern, String itemDesc,
      String hint) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      String iptr = ptr + "/" + i;
      if (!item.isValueNode() || item.isNull() || item.isBoolean()) {
        errors.add(at(iptr, "expected " + itemDesc + " in " + key + ", got " + describe(item), hint));
        continue;
      }
      String text = map.raw(iptr).orElse(item.asString());
      if (!pattern.matcher(text).matches()) {
        errors.add(at(iptr, "'" + text + "' in " + key + " is not " + itemDesc, hint));
      } else if (!seen.add(text)) {
        errors.add(at(iptr, "'" + text + "' is listed twice in " + key, "Remove the duplicate"));
      } else {
        out.add(text);
      }
    }
    return out;
  }

  private Optional<LocalDate> date(JsonNode obj, String ptr, String key, String what) {
    Optional<String> text = string(obj, ptr, key, what, true, DATE,
        "Write the date as YYYY-MM-DD, e.g. '2026-12-31'");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.get()));
    } catch (DateTimeParseException e) {
      errors.add(at(ptr + "/" + key, "'" + text.get() + "' is not a calendar date",
          "Write a real date as YYYY-MM-DD, e.g. '2026-12-31'"));
      return Optional.empty();
    }
  }

  // ---- errors and locations -------------------------------------------------------------------

  private void missing(String objPtr, String what, String key, String hint) {
    errors.add(at(objPtr, what + " is missing required key '" + key + "'", hint));
  }

  private BaselineError at(String ptr, String problem, String hint) {
    SourceMap.Pos p = map.value(ptr);
    return new BaselineError(source, p.line(), p.column(), problem, hint);
  }

  private BaselineError atKey(String ptr, String problem, String hint) {
    SourceMap.Pos p = map.key(ptr);
    return new BaselineError(source, p.line(), p.column(), problem, hint);
  }

  private static String describe(JsonNode n) {
    if (n.isArray()) {
      return n.isEmpty() ? "an empty list" : "a list";
    }
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isNull()) {
      return "nothing";
    }
    if (n.isBoolean()) {
      return "the boolean " + n.asString();
    }
    if (n.isNumber()) {
      return "the number " + n.asString();
    }
    return "'" + n.asString() + "'";
  }

  private static String quote(JsonNode n) {
    return n.isString() ? "'" + n.asString() + "'" : describe(n);
  }

  /** The closest allowed key by edit distance, when close enough to be a typo. */
  static Optional<String> suggest(String key, List<String> allowed) {
    return Suggestions.closest(key, allowed, Math.max(2, key.length() / 3));
  }

}
