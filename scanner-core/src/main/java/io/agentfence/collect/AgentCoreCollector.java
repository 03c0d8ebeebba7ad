package io.agentfence.collect;

import static io.agentfence.collect.Reads.call;

import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.Browser;
import io.agentfence.inventory.CodeInterpreter;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.NetworkConfig;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.RuntimeEndpoint;
import io.agentfence.inventory.RuntimeVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeEndpoint;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.VpcConfig;

/**
 * Reads AgentCore runtimes, custom browsers and custom code interpreters of one (account, region).
 *
 * <p>List responses carry no network configuration, so every item gets a Get. A runtime's network
 * configuration belongs to a version: the latest (GetAgentRuntime) and every version an endpoint
 * serves live or is moving to (GetAgentRuntime?version=) are read, because an endpoint can serve an
 * older, uncontained version.
 *
 * <p>Only CUSTOM browsers and code interpreters are read: the SYSTEM ones ({@code aws.browser.v1},
 * {@code aws.codeinterpreter.v1}) are AWS-owned, have no VPC configuration anyone could change, and
 * are governed by who may start sessions on them (IAM), not by a network setting.
 *
 * <p>A warm scan ({@link ReusableReads}) skips the Get for what is immutable and was read whole
 * before: a (runtime id, version) pair, and a browser's or code interpreter's network configuration.
 * The List calls, and ListAgentRuntimeEndpoints (which versions are served), are made every time.
 */
public final class AgentCoreCollector {
  static final KindReads RUNTIMES = KindReads.of(ResourceKind.AGENT_RUNTIMES,
      ReadOperation.AGENTCORE_GET_AGENT_RUNTIME, ReadOperation.AGENTCORE_LIST_AGENT_RUNTIMES,
      ReadOperation.AGENTCORE_LIST_AGENT_RUNTIME_ENDPOINTS);
  static final KindReads BROWSERS = KindReads.of(ResourceKind.BROWSERS,
      ReadOperation.AGENTCORE_GET_BROWSER, ReadOperation.AGENTCORE_LIST_BROWSERS);
  static final KindReads CODE_INTERPRETERS = KindReads.of(ResourceKind.CODE_INTERPRETERS,
      ReadOperation.AGENTCORE_GET_CODE_INTERPRETER, ReadOperation.AGENTCORE_LIST_CODE_INTERPRETERS);

  /** Registration (see {@link CollectorRegistry}): runs first in each region unit. */
  public static final RegionCollector REGIONAL = RegionCollector.of(List.of(RUNTIMES, BROWSERS, CODE_INTERPRETERS),
      (clients, reads, into) -> {
        Result r = collect(clients.open(BedrockAgentCoreControlClient.builder(), ReadOperation.Service.AGENTCORE),
            reads);
        into.runtimes(r.runtimes()).browsers(r.browsers()).codeInterpreters(r.codeInterpreters());
      });

  private AgentCoreCollector() {}

  /** What was read; coverage goes to {@code reads}. */
  public record Result(List<AgentRuntime> runtimes, List<Browser> browsers, List<CodeInterpreter> codeInterpreters) {}

  /** Reads the unit's AgentCore resources, reusing what {@link Reads#reusable()} holds (a warm scan). */
  public static Result collect(BedrockAgentCoreControlClient client, Reads reads) {
    return collect(client, reads, reads.reusable());
  }

  /** As {@link #collect(BedrockAgentCoreControlClient, Reads)}, reusing immutable records of {@code reuse}. */
  public static Result collect(BedrockAgentCoreControlClient client, Reads reads, ReusableReads.Region reuse) {
    List<AgentRuntime> runtimes = new ArrayList<>();
    List<Browser> browsers = new ArrayList<>();
    List<CodeInterpreter> interpreters = new ArrayList<>();
    boolean offered = reads.kind(RUNTIMES, () -> readRuntimes(client, reuse, runtimes));
    if (!offered && reads.last().status() == CoverageStatus.NOT_OFFERED) {
      // The regional endpoint does not exist: nothing else to ask there. (The engine still reads
      // the region's network: only a working EC2 read there makes "not offered" credible.)
      reads.sameAsLast(BROWSERS);
      reads.sameAsLast(CODE_INTERPRETERS);
      return new Result(runtimes, browsers, interpreters);
    }
    reads.kind(BROWSERS, () -> readBrowsers(client, reuse, browsers));
    reads.kind(CODE_INTERPRETERS, () -> readInterpreters(client, reuse, interpreters));
    return new Result(runtimes, browsers, interpreters);
  }

  private static void readRuntimes(BedrockAgentCoreControlClient client, ReusableReads.Region reuse,
      List<AgentRuntime> out) {
    List<software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime> listed = call(
        ReadOperation.AGENTCORE_LIST_AGENT_RUNTIMES,
        () -> client.listAgentRuntimesPaginator(r -> {}).stream()
            .flatMap(p -> p.agentRuntimes().stream()).toList());
    for (var summary : listed) {
      String id = summary.agentRuntimeId();
      if (id == null || id.isBlank()) {
        throw ReadFailure.malformed(ReadOperation.AGENTCORE_LIST_AGENT_RUNTIMES, "runtime without agentRuntimeId");
      }
      // The listed version is the latest; when it was read whole before, it is not read again.
      Optional<RuntimeVersion> reused = Optional.ofNullable(summary.agentRuntimeVersion())
          .filter(v -> !v.isBlank() && summary.agentRuntimeArn() != null).flatMap(v -> reuse.version(id, v));
      String latestVersion;
      String arn;
      String name;
      String status;
      Map<String, RuntimeVersion> versions = new LinkedHashMap<>();
      if (reused.isPresent()) {
        latestVersion = reused.get().version();
        versions.put(latestVersion, reused.get());
        arn = summary.agentRuntimeArn();
        name = summary.agentRuntimeName();
        status = summary.statusAsString();
      } else {
        Optional<GetAgentRuntimeResponse> latest = getRuntime(client, id, Optional.empty());
        if (latest.isEmpty()) {
          continue; // deleted between List and Get: it no longer exists
        }
        GetAgentRuntimeResponse l = latest.get();
        latestVersion = l.agentRuntimeVersion();
        if (latestVersion == null || latestVersion.isBlank()) {
          throw ReadFailure.malformed(ReadOperation.AGENTCORE_GET_AGENT_RUNTIME,
              "GetAgentRuntime " + id + " returned no agentRuntimeVersion");
        }
        versions.put(latestVersion, new RuntimeVersion(latestVersion, network(l), l.statusAsString()));
        arn = l.agentRuntimeArn() != null ? l.agentRuntimeArn() : summary.agentRuntimeArn();
        name = l.agentRuntimeName() != null ? l.agentRuntimeName() : summary.agentRuntimeName();
        status = l.statusAsString();
      }

      List<AgentRuntimeEndpoint> endpoints = call(ReadOperation.AGENTCORE_LIST_AGENT_RUNTIME_ENDPOINTS,
          () -> client.listAgentRuntimeEndpointsPaginator(r -> r.agentRuntimeId(id)).stream()
              .flatMap(p -> p.runtimeEndpoints().stream()).toList());
      List<RuntimeEndpoint> mapped = new ArrayList<>();
      for (AgentRuntimeEndpoint e : endpoints) {
        if (e.name() == null || e.name().isBlank()) {
          throw ReadFailure.malformed(ReadOperation.AGENTCORE_LIST_AGENT_RUNTIME_ENDPOINTS,
              "endpoint of runtime " + id + " without a name");
        }
        mapped.add(new RuntimeEndpoint(e.id(), e.name(), e.agentRuntimeEndpointArn(), e.statusAsString(),
            Optional.ofNullable(e.liveVersion()), Optional.ofNullable(e.targetVersion())));
        for (String v : new String[] {e.liveVersion(), e.targetVersion()}) {
          if (v != null && !v.isBlank() && !versions.containsKey(v)) {
            Optional<RuntimeVersion> known = reuse.version(id, v);
            if (known.isPresent()) {
              versions.put(v, known.get());
              continue;
            }
            Optional<GetAgentRuntimeResponse> old = getRuntime(client, id, Optional.of(v));
            if (old.isEmpty()) {
              throw ReadFailure.malformed(ReadOperation.AGENTCORE_GET_AGENT_RUNTIME,
                  "endpoint " + e.name() + " of runtime " + id + " serves version " + v + " that GetAgentRuntime does not find");
            }
            versions.put(v, new RuntimeVersion(v, network(old.get()), old.get().statusAsString()));
          }
        }
      }
      out.add(new AgentRuntime(id, arn, name, status, latestVersion,
          new ArrayList<>(versions.values()), mapped));
    }
  }

  private static Optional<GetAgentRuntimeResponse> getRuntime(
      BedrockAgentCoreControlClient client, String id, Optional<String> version) {
    try {
      return Optional.of(call(ReadOperation.AGENTCORE_GET_AGENT_RUNTIME,
          () -> client.getAgentRuntime(r -> r.agentRuntimeId(id).agentRuntimeVersion(version.orElse(null)))));
    } catch (ReadFailure f) {
      if (f.getCause() instanceof ResourceNotFoundException) {
        return Optional.empty();
      }
      throw f;
    }
  }

  private static NetworkConfig network(GetAgentRuntimeResponse r) {
    if (r.networkConfiguration() == null) {
      throw ReadFailure.malformed(ReadOperation.AGENTCORE_GET_AGENT_RUNTIME,
          "GetAgentRuntime " + r.agentRuntimeId() + " returned no networkConfiguration");
    }
    return network(r.networkConfiguration().networkModeAsString(), r.networkConfiguration().networkModeConfig());
  }

  static NetworkConfig network(String mode, VpcConfig vpc) {
    // Read the mode as a string: a mode newer than SDK 2.40.2 must reach the checks, not vanish.
    return new NetworkConfig(mode,
        vpc == null ? List.of() : vpc.subnets(),
        vpc == null ? List.of() : vpc.securityGroups());
  }

  private static void readBrowsers(BedrockAgentCoreControlClient client, ReusableReads.Region reuse,
      List<Browser> out) {
    var listed = call(ReadOperation.AGENTCORE_LIST_BROWSERS,
        () -> client.listBrowsersPaginator(r -> r.type(ResourceType.CUSTOM)).stream()
            .flatMap(p -> p.browserSummaries().stream()).toList());
    for (var s : listed) {
      if (s.browserId() == null || s.browserId().isBlank()) {
        // Skipping it would leave a listed browser out of a kind recorded READ.
        throw ReadFailure.malformed(ReadOperation.AGENTCORE_LIST_BROWSERS, "browser without browserId");
      }
      if (s.browserId().startsWith("aws.")) {
        continue; // system browser (see class comment)
      }
      Optional<Browser> known = reuse.browser(s.browserId(), s.browserArn(), s.name(), s.statusAsString());
      if (known.isPresent()) {
        out.add(known.get());
        continue;
      }
      try {
        var b = call(ReadOperation.AGENTCORE_GET_BROWSER, () -> client.getBrowser(r -> r.browserId(s.browserId())));
        if (b.networkConfiguration() == null) {
          throw ReadFailure.malformed(ReadOperation.AGENTCORE_GET_BROWSER,
              "GetBrowser " + s.browserId() + " returned no networkConfiguration");
        }
        out.add(new Browser(b.browserId(), b.browserArn(), b.name(), b.statusAsString(),
            network(b.networkConfiguration().networkModeAsString(), b.networkConfiguration().vpcConfig())));
      } catch (ReadFailure f) {
        if (!(f.getCause() instanceof ResourceNotFoundException)) {
          throw f;
        }
      }
    }
  }

  private static void readInterpreters(BedrockAgentCoreControlClient client, ReusableReads.Region reuse,
      List<CodeInterpreter> out) {
    var listed = call(ReadOperation.AGENTCORE_LIST_CODE_INTERPRETERS,
        () -> client.listCodeInterpretersPaginator(r -> r.type(ResourceType.CUSTOM)).stream()
            .flatMap(p -> p.codeInterpreterSummaries().stream()).toList());
    for (var s : listed) {
      if (s.codeInterpreterId() == null || s.codeInterpreterId().isBlank()) {
        throw ReadFailure.malformed(ReadOperation.AGENTCORE_LIST_CODE_INTERPRETERS,
            "code interpreter without codeInterpreterId");
      }
      if (s.codeInterpreterId().startsWith("aws.")) {
        continue; // system code interpreter (see class comment)
      }
      Optional<CodeInterpreter> known = reuse.codeInterpreter(s.codeInterpreterId(), s.codeInterpreterArn(),
          s.name(), s.statusAsString());
      if (known.isPresent()) {
        out.add(known.get());
        continue;
      }
      try {
        var c = call(ReadOperation.AGENTCORE_GET_CODE_INTERPRETER,
            () -> client.getCodeInterpreter(r -> r.codeInterpreterId(s.codeInterpreterId())));
        if (c.networkConfiguration() == null) {
          throw ReadFailure.malformed(ReadOperation.AGENTCORE_GET_CODE_INTERPRETER,
              "GetCodeInterpreter " + s.codeInterpreterId() + " returned no networkConfiguration");
        }
        out.add(new CodeInterpreter(c.codeInterpreterId(), c.codeInterpreterArn(), c.name(), c.statusAsString(),
            network(c.networkConfiguration().networkModeAsString(), c.networkConfiguration().vpcConfig())));
      } catch (ReadFailure f) {
        if (!(f.getCause() instanceof ResourceNotFoundException)) {
          throw f;
        }
      }
    }
  }
}
