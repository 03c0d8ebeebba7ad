package io.agentfence.cli.init;

import io.agentfence.baseline.proposal.Facts;
import io.agentfence.cli.UserError;
import io.agentfence.target.TargetIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ids in a Terraform file: {@code terraform output -json} (each output's value, nested lists
 * and maps too, classified by id prefix) or {@code terraform show -json} state (resources by type:
 * VPC, subnets, security groups, Gateway Load Balancer endpoints and transit gateways as inspection
 * targets, NAT and internet gateways as not approvable, IAM policies and SCPs that constrain the
 * AgentCore network keys as the guardrail). Account and region come from ARNs in the file when not
 * given.
 */
final class TerraformFacts {
  private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\\d)?:(\\d{12}):");

  final Facts facts = new Facts();
  Optional<String> account = Optional.empty();
  Optional<String> region = Optional.empty();
  final String kind;

  private TerraformFacts(String kind) {
    this.kind = kind;
  }

  static TerraformFacts read(Path file) {
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(Files.readString(file));
    } catch (IOException | JacksonException e) {
      throw new UserError("agentfence init: " + file + ": not readable as JSON (" + e.getMessage().lines().findFirst().orElse("")
          + "). Pass the output of 'terraform output -json' or 'terraform show -json'.", e);
    }
    if (root.has("format_version") && root.has("values")) {
      TerraformFacts t = new TerraformFacts("terraform state " + file.getFileName());
      t.module(root.get("values").path("root_module"));
      return t;
    }
    if (root.isObject() && root.size() > 0 && allOutputs(root)) {
      TerraformFacts t = new TerraformFacts("terraform outputs " + file.getFileName());
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        t.value(e.getValue().get("value"), "terraform output " + e.getKey());
      }
      return t;
    }
    throw new UserError("agentfence init: " + file + ": neither 'terraform output -json' (an object of outputs with"
        + " \"value\") nor 'terraform show -json' state (\"format_version\" and \"values\"). Pass one of those.");
  }

  private static boolean allOutputs(JsonNode root) {
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!e.getValue().isObject() || !e.getValue().has("value")) {
        return false;
      }
    }
    return true;
  }

  /** An output's value: strings classified by prefix; lists and maps walked with their path. */
  private void value(JsonNode v, String origin) {
    if (v == null) {
      return;
    }
    if (v.isString()) {
      String s = v.asString();
      facts.classify(s).ifPresent(k -> facts.add(k, s, origin));
      arn(s);
      if (region.isEmpty() && TargetIds.region(s)) {
        region = Optional.of(s);
      }
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        value(v.get(i), origin + "[" + i + "]");
      }
    } else if (v.isObject()) {
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        value(e.getValue(), origin + "." + e.getKey());
      }
    }
  }

  private void module(JsonNode module) {
    for (JsonNode r : module.path("resources")) {
      resource(r);
    }
    for (JsonNode child : module.path("child_modules")) {
      module(child);
    }
  }

  private void resource(JsonNode r) {
    String type = r.path("type").asString("");
    String address = "terraform resource " + r.path("address").asString(type);
    JsonNode v = r.path("values");
    String id = v.path("id").asString("");
    arn(v.path("arn").asString(""));
    switch (type) {
      case "aws_vpc" -> facts.add(Facts.Kind.VPC, id, address);
      case "aws_subnet" -> facts.add(Facts.Kind.SUBNET, id, address);
      case "aws_security_group" -> facts.add(Facts.Kind.SECURITY_GROUP, id, address);
      case "aws_vpc_endpoint" -> {
        if (v.path("vpc_endpoint_type").asString("").equals("GatewayLoadBalancer")) {
          facts.add(Facts.Kind.INSPECTION_TARGET, id, address + " (Gateway Load Balancer endpoint)");
        }
      }
      case "aws_ec2_transit_gateway" -> facts.add(Facts.Kind.INSPECTION_TARGET, id, address);
      case "aws_nat_gateway" -> facts.add(Facts.Kind.NAT_GATEWAY, id, address);
      case "aws_internet_gateway" -> facts.add(Facts.Kind.INTERNET_GATEWAY, id, address);
      case "aws_iam_policy" -> {
        if (constrainsNetworkKeys(v.path("policy").asString(""))) {
          facts.add(Facts.Kind.MANAGED_POLICY, v.path("name").asString(id), address);
        }
      }
      case "aws_organizations_policy" -> {
        if (constrainsNetworkKeys(v.path("content").asString(""))) {
          facts.add(Facts.Kind.SCP, v.path("name").asString(id), address);
        }
      }
      default -> { }
    }
  }

  private static boolean constrainsNetworkKeys(String policy) {
    String p = policy.toLowerCase(Locale.ROOT);
    return p.contains("bedrock-agentcore:subnets") || p.contains("bedrock-agentcore:securitygroups");
  }

  private void arn(String s) {
    Matcher m = ARN.matcher(s);
    if (m.find()) {
      if (account.isEmpty() && TargetIds.account(m.group(2))) {
        account = Optional.of(m.group(2));
      }
      if (region.isEmpty() && TargetIds.region(m.group(1))) {
        region = Optional.of(m.group(1));
      }
    }
  }

}
