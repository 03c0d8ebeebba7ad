package io.agentfence.inventory;

import io.agentfence.util.Values;

/** One version of a runtime with the network configuration GetAgentRuntime?version= returned. */
public record RuntimeVersion(String version, NetworkConfig network, String status) {
  public RuntimeVersion {
    Values.require(version, "runtime version");
    network = network == null ? new NetworkConfig("", null, null) : network;
    status = status == null ? "" : status;
  }
}
