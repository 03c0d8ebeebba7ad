package io.agentfence.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The plan's {@code configuration} section: the module tree as written (module calls with their
 * sources and arguments), each resource block with its expressions and their references, and the
 * provider configurations. Terraform records no line numbers here; {@link SourceLocator} finds them.
 */
final class PlanConfig {
  private final JsonNode root;

  PlanConfig(JsonNode configuration) {
    this.root = configuration == null ? MissingNode.getInstance() : configuration;
  }

  /** {@code module.a[0].module.b["x"]} → {@code [a, b]}: configuration is per module, not per instance. */
  static List<String> modulePath(String moduleAddress) {
    List<String> out = new ArrayList<>();
    if (moduleAddress.isEmpty()) {
      return out;
    }
    for (String part : Addresses.stripInstanceKeys(moduleAddress).split("\\.")) {
      if (!part.equals("module")) {
        out.add(part);
      }
    }
    return out;
  }

  /** The {@code module} object of a module path, root included; missing when absent. */
  JsonNode module(List<String> path) {
    JsonNode m = root.path("root_module");
    for (String name : path) {
      m = m.path("module_calls").path(name).path("module");
    }
    return m;
  }

  /** The {@code module_calls} entry that instantiates the module at {@code path} (non-empty). */
  JsonNode moduleCall(List<String> path) {
    return module(path.subList(0, path.size() - 1)).path("module_calls").path(path.get(path.size() - 1));
  }

  /** The configuration block of a resource change, when the configuration holds it. */
  Optional<JsonNode> resource(ResourceChange rc) {
    for (JsonNode r : module(modulePath(rc.moduleAddress())).path("resources")) {
      if (r.path("type").asString("").equals(rc.type()) && r.path("name").asString("").equals(rc.name())
          && r.path("mode").asString("managed").equals(rc.mode())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The expression at {@code path} of a resource's configuration, or the deepest one above it. */
  JsonNode expression(ResourceChange rc, List<String> path) {
    JsonNode node = resource(rc).map(r -> r.path("expressions")).orElse(MissingNode.getInstance());
    JsonNode deepest = MissingNode.getInstance();
    for (String seg : path) {
      if (node.isArray()) {
        node = node.path(0); // a nested block is a list of one expression object per block
      }
      node = node.path(seg);
      if (node.has("references") || node.has("constant_value")) {
        deepest = node;
      }
      if (node.isMissingNode()) {
        break;
      }
    }
    return deepest;
  }

  /** The provider configuration a resource uses ({@code provider_config_key}), when recorded. */
  JsonNode providerFor(ResourceChange rc) {
    JsonNode providers = root.path("provider_config");
    String key = resource(rc).map(r -> r.path("provider_config_key").asString("")).orElse("");
    if (!key.isEmpty() && providers.has(key)) {
      return providers.path(key);
    }
    // Older plans key a module's inherited provider as "<module>:aws"; the root's "aws" configures it.
    String local = key.contains(":") ? key.substring(key.lastIndexOf(':') + 1) : key;
    if (!local.isEmpty() && providers.has(local)) {
      return providers.path(local);
    }
    String provider = rc.type().substring(0, rc.type().indexOf('_') < 0 ? rc.type().length() : rc.type().indexOf('_'));
    return providers.path(provider);
  }
}
