package io.agentfence.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Finds what a value known only after apply will be made of. Terraform's plan leaves such a value
 * out of {@code after}, but the configuration says which expression produces it and what that
 * expression references: {@code subnets = [aws_subnet.runtime[0].id]} names a planned subnet, so
 * the runtime is linked to it by its address even though its id does not exist yet. References are
 * followed through module outputs and module arguments ({@code var.*}), a few levels deep.
 */
final class Resolver {
  private static final int MAX_DEPTH = 6;

  private final TerraformPlan plan;
  private final PlanConfig config;
  /** Resource changes by address with module instance keys removed. */
  private final Map<String, List<ResourceChange>> byBase = new LinkedHashMap<>();
  /** Resources of the prior state (data sources read while planning), by address. */
  private final Map<String, JsonNode> prior = new LinkedHashMap<>();

  Resolver(TerraformPlan plan) {
    this.plan = plan;
    this.config = new PlanConfig(plan.configuration());
    for (ResourceChange rc : plan.resourceChanges()) {
      byBase.computeIfAbsent(Addresses.withoutIndex(Addresses.stripInstanceKeys(rc.address())), k -> new ArrayList<>())
          .add(rc);
    }
    collectPrior(plan.priorState().path("values").path("root_module"));
  }

  private void collectPrior(JsonNode module) {
    for (JsonNode r : module.path("resources")) {
      prior.put(r.path("address").asString(""), r.path("values"));
    }
    for (JsonNode child : module.path("child_modules")) {
      collectPrior(child);
    }
  }

  PlanConfig config() {
    return config;
  }

  TerraformPlan plan() {
    return plan;
  }

  /** One referenced attribute of a resource: a value, or the placeholder for one not known yet. */
  record Target(String address, String type, String attr, Optional<String> value) {
    /**
     * The value, or the placeholder of an identity (an id or ARN) of a planned resource: that
     * links two planned resources. Any other value known only after apply has no stand-in.
     */
    Optional<String> valueOrIdentity() {
      return value.or(() -> identity(attr) ? Optional.of(Placeholders.of(type, address, attr)) : Optional.empty());
    }

    static boolean identity(String attr) {
      return attr.equals("id") || attr.endsWith("_id") || attr.equals("arn") || attr.endsWith("_arn");
    }
  }

  /** What the expression at {@code path} of {@code rc} references, in order, one entry per instance. */
  List<Target> targets(ResourceChange rc, List<String> path, Side side) {
    JsonNode expr = config.expression(rc, path);
    List<String> refs = strings(expr.path("references"));
    return resolve(rc.moduleAddress(), refs, rc.index(), side, 0);
  }

  /** What one expression object (from the configuration) references. */
  List<Target> resolveExpression(ResourceChange rc, JsonNode expr, Side side) {
    return resolve(rc.moduleAddress(), strings(expr.path("references")), rc.index(), side, 0);
  }

  private List<Target> resolve(String module, List<String> refs, JsonNode ownIndex, Side side, int depth) {
    if (depth > MAX_DEPTH) {
      return List.of();
    }
    boolean perInstance = refs.stream().anyMatch(r -> r.startsWith("count.") || r.startsWith("each."));
    // Terraform lists "a.b[0].id", "a.b[0]" and "a.b" for one use: the most specific wins.
    Map<String, Set<String>> indexed = new LinkedHashMap<>();
    Map<String, String> attrOf = new LinkedHashMap<>();
    List<Target> out = new ArrayList<>();
    for (String ref : refs) {
      Optional<Addresses.ResourceRef> rr = Addresses.resource(ref);
      if (rr.isPresent()) {
        String base = Addresses.stripInstanceKeys(Addresses.prefix(module) + rr.get().base());
        Set<String> keys = indexed.computeIfAbsent(base, k -> new LinkedHashSet<>());
        rr.get().index().ifPresent(keys::add);
        rr.get().attr().ifPresent(a -> attrOf.putIfAbsent(base, a));
      } else if (ref.startsWith("module.")) {
        out.addAll(moduleOutput(module, ref, side, depth));
      } else if (ref.startsWith("var.") && !module.isEmpty()) {
        out.addAll(moduleArgument(module, ref.substring(4).split("[.\\[]")[0], side, depth));
      }
    }
    for (Map.Entry<String, Set<String>> e : indexed.entrySet()) {
      String attr = attrOf.getOrDefault(e.getKey(), "id");
      List<ResourceChange> instances = byBase.getOrDefault(e.getKey(), List.of());
      if (!instances.isEmpty()) {
        for (ResourceChange target : instances) {
          String key = target.address().endsWith("]") ? target.address().substring(target.address().lastIndexOf('[')) : "";
          boolean chosen = e.getValue().isEmpty()
              ? !perInstance || ownIndex.isMissingNode() || key.equals("[" + ownIndex + "]")
              : e.getValue().contains(key);
          if (chosen) {
            out.add(value(target, attr, side));
          }
        }
      } else if (prior.containsKey(e.getKey())) {
        out.add(new Target(e.getKey(), "", attr, text(prior.get(e.getKey()).path(attr))));
      }
    }
    return out;
  }

  /** {@code module.net.subnet_ids}: the references of that output's expression, inside the module. */
  private List<Target> moduleOutput(String module, String ref, Side side, int depth) {
    String[] parts = ref.split("\\.");
    if (parts.length < 3) {
      return List.of();
    }
    String callName = parts[1].replaceAll("\\[.*", "");
    List<String> path = new ArrayList<>(PlanConfig.modulePath(module));
    path.add(callName);
    JsonNode output = config.module(path).path("outputs").path(parts[2].replaceAll("\\[.*", ""));
    String inner = Addresses.prefix(module) + "module." + callName;
    return resolve(inner, strings(output.path("expression").path("references")), MissingNode.getInstance(), side,
        depth + 1);
  }

  /** {@code var.x} inside a module: the references of argument {@code x} where the module is called. */
  private List<Target> moduleArgument(String module, String variable, Side side, int depth) {
    List<String> path = PlanConfig.modulePath(module);
    JsonNode arg = config.moduleCall(path).path("expressions").path(variable);
    String parent = module.contains(".module.") ? module.substring(0, module.lastIndexOf(".module.")) : "";
    return resolve(parent, strings(arg.path("references")), MissingNode.getInstance(), side, depth + 1);
  }

  private static Target value(ResourceChange target, String attr, Side side) {
    JsonNode values = side == Side.AFTER ? target.after() : target.before();
    boolean unknown = side == Side.AFTER && target.afterUnknown().path(attr).asBoolean(false);
    Optional<String> v = unknown ? Optional.empty() : text(values.path(attr));
    return new Target(target.address(), target.type(), attr, v);
  }

  private static Optional<String> text(JsonNode n) {
    return n.isString() || n.isNumber() || n.isBoolean() ? Optional.of(n.asString()) : Optional.empty();
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asString(""));
    }
    return out;
  }
}
