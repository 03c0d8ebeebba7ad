package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;

/**
 * An AgentCore Runtime. Network configuration belongs to a runtime <em>version</em>: {@link
 * #versions()} holds the latest version and every version an endpoint serves (live or target),
 * because an endpoint can serve an older version than the latest.
 *
 * @param latestVersion {@code agentRuntimeVersion} as returned by GetAgentRuntime without version
 */
public record AgentRuntime(
    String id,
    String arn,
    String name,
    String status,
    String latestVersion,
    List<RuntimeVersion> versions,
    List<RuntimeEndpoint> endpoints) {

  public AgentRuntime {
    Values.require(id, "runtime id");
    Values.require(arn, "runtime arn");
    name = name == null ? id : name;
    status = status == null ? "" : status;
    latestVersion = latestVersion == null ? "" : latestVersion;
    versions = Values.list(versions);
    endpoints = Values.list(endpoints);
  }

  public Optional<RuntimeVersion> version(String v) {
    return versions.stream().filter(x -> x.version().equals(v)).findFirst();
  }

  /** Network configuration of the latest version, if it was read. */
  public Optional<NetworkConfig> latestNetwork() {
    return version(latestVersion).map(RuntimeVersion::network);
  }
}
