package io.agentfence.inventory;

import io.agentfence.util.Values;

/** A custom AgentCore Browser (GetBrowser). Its network configuration is fixed at creation. */
public record Browser(String id, String arn, String name, String status, NetworkConfig network) {
  public Browser {
    Values.require(id, "browser id");
    Values.require(arn, "browser arn");
    name = name == null ? id : name;
    status = status == null ? "" : status;
    network = network == null ? new NetworkConfig("", null, null) : network;
  }
}
