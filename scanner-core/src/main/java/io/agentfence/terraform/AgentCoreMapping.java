package io.agentfence.terraform;

import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.Browser;
import io.agentfence.inventory.CodeInterpreter;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.RuntimeEndpoint;
import io.agentfence.inventory.RuntimeVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AgentCore resources of both providers. The AWS provider ({@code aws_bedrockagentcore_*}) writes
 * nested blocks ({@code network_configuration { network_mode_config { subnets } }}), AWSCC
 * ({@code awscc_bedrockagentcore_*}, the CloudFormation schema) nested objects; {@link View}
 * reads both. Attribute names follow each provider's documentation.
 */
final class AgentCoreMapping {
  static final List<String> RUNTIMES = List.of("aws_bedrockagentcore_agent_runtime", "awscc_bedrockagentcore_runtime");
  static final List<String> ENDPOINTS =
      List.of("aws_bedrockagentcore_agent_runtime_endpoint", "awscc_bedrockagentcore_runtime_endpoint");
  static final List<String> BROWSERS = List.of("aws_bedrockagentcore_browser", "awscc_bedrockagentcore_browser_custom");
  static final List<String> CODE_INTERPRETERS =
      List.of("aws_bedrockagentcore_code_interpreter", "awscc_bedrockagentcore_code_interpreter_custom");

  private AgentCoreMapping() {}

  static Optional<String> runtime(Apply a) {
    View v = a.view;
    String id = v.own("agent_runtime_id");
    a.key(id, v.own("agent_runtime_arn"));
    if (a.remove) {
      a.here().runtimes.remove(id);
      return Optional.empty();
    }
    String version = v.own("agent_runtime_version");
    NetworkConfig net = new NetworkConfig(v.text("network_configuration", "network_mode"),
        v.strings("network_configuration", "network_mode_config", "subnets"),
        v.strings("network_configuration", "network_mode_config", "security_groups"));
    AgentRuntime before = a.here().runtimes.get(id);
    // A changed network configuration is a new runtime version; the endpoints of the live runtime
    // keep serving the versions they served, so those versions and endpoints stay.
    List<RuntimeVersion> versions = new ArrayList<>();
    if (before != null) {
      before.versions().stream().filter(x -> !x.version().equals(version)).forEach(versions::add);
    }
    versions.add(new RuntimeVersion(version, net, v.plain("status").orElse("READY")));
    // The DEFAULT endpoint always serves the latest version; other endpoints keep theirs.
    List<RuntimeEndpoint> endpoints = new ArrayList<>();
    for (RuntimeEndpoint e : before == null ? List.<RuntimeEndpoint>of() : before.endpoints()) {
      endpoints.add(!e.name().equals("DEFAULT") ? e
          : new RuntimeEndpoint(e.id(), e.name(), e.arn(), e.status(), Optional.of(version), Optional.empty()));
    }
    a.here().runtimes.put(id, new AgentRuntime(id, v.own("agent_runtime_arn"), v.plain("agent_runtime_name").orElse(id),
        v.plain("status").orElse(""), version, versions, endpoints));
    return Optional.empty();
  }

  static Optional<String> endpoint(Apply a) {
    View v = a.view;
    String runtimeId = v.text("agent_runtime_id");
    String arn = v.own("agent_runtime_endpoint_arn");
    String name = v.plain("name").orElse(arn);
    a.key(arn);
    AgentRuntime rt = a.here().runtimes.get(runtimeId);
    if (rt == null) {
      return Apply.missing("runtime", runtimeId);
    }
    List<RuntimeEndpoint> eps = new ArrayList<>(rt.endpoints());
    eps.removeIf(e -> e.name().equals(name));
    if (!a.remove) {
      Optional<String> version = v.plain("agent_runtime_version");
      eps.add(new RuntimeEndpoint(name, name, arn, v.plain("status").orElse("READY"),
          version.or(() -> Optional.of(rt.latestVersion())), Optional.empty()));
    }
    a.here().runtimes.put(runtimeId, new AgentRuntime(rt.id(), rt.arn(), rt.name(), rt.status(), rt.latestVersion(),
        rt.versions(), eps));
    return Optional.empty();
  }

  static Optional<String> browser(Apply a) {
    View v = a.view;
    String id = v.own(has(v, "browser_id") ? "browser_id" : "id");
    String arn = v.own(has(v, "browser_arn") ? "browser_arn" : "arn");
    a.key(id, arn);
    if (a.remove) {
      a.here().browsers.remove(id);
    } else {
      a.here().browsers.put(id, new Browser(id, arn, v.plain("name").orElse(id), v.plain("status").orElse(""), toolNetwork(v)));
    }
    return Optional.empty();
  }

  static Optional<String> codeInterpreter(Apply a) {
    View v = a.view;
    String id = v.own(has(v, "code_interpreter_id") ? "code_interpreter_id" : "id");
    String arn = v.own(has(v, "code_interpreter_arn") ? "code_interpreter_arn" : "arn");
    a.key(id, arn);
    if (a.remove) {
      a.here().codeInterpreters.remove(id);
    } else {
      a.here().codeInterpreters.put(id,
          new CodeInterpreter(id, arn, v.plain("name").orElse(id), v.plain("status").orElse(""), toolNetwork(v)));
    }
    return Optional.empty();
  }

  private static NetworkConfig toolNetwork(View v) {
    return new NetworkConfig(v.text("network_configuration", "network_mode"),
        v.strings("network_configuration", "vpc_config", "subnets"),
        v.strings("network_configuration", "vpc_config", "security_groups"));
  }

  private static boolean has(View v, String attr) {
    return v.values().has(attr) || v.change().afterUnknown().has(attr);
  }
}
