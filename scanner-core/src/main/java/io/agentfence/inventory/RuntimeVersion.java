package io.agentfence.inventory;

import java.util.Optional;

import io.agentfence.util.Values;

/**
 * One version of a runtime with the network configuration GetAgentRuntime?version= returned.
 *
 * <p>Versions are immutable in AgentCore (changing a runtime's network creates a new version), so a
 * warm scan may reuse a version read by an earlier collection instead of calling GetAgentRuntime
 * again; {@code readIn} then names that collection. Empty means: read by this collection.
 *
 * @param readIn the collection that actually read this version ({@link CollectionInfo#label()}), when
 *               it was reused from a previous snapshot
 */
public record RuntimeVersion(String version, NetworkConfig network, String status, Optional<String> readIn) {
  public RuntimeVersion {
    Values.require(version, "runtime version");
    network = network == null ? new NetworkConfig("", null, null) : network;
    status = status == null ? "" : status;
    readIn = Values.opt(readIn);
  }

  /** A version read by the collection that holds it. */
  public RuntimeVersion(String version, NetworkConfig network, String status) {
    this(version, network, status, Optional.empty());
  }

  /** This version as reused by a later collection: it names the collection that read it. */
  public RuntimeVersion reusedFrom(String collection) {
    return new RuntimeVersion(version, network, status, Optional.of(readIn.orElse(collection)));
  }
}
