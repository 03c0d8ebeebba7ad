package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.Optional;

/**
 * A custom AgentCore Browser (GetBrowser). Its network configuration is fixed at creation: the API
 * has no UpdateBrowser, so a warm scan may reuse the configuration an earlier collection read.
 *
 * @param readIn the collection that read this browser's configuration, when a warm scan reused it
 *               (name, ARN and status always come from this collection's ListBrowsers)
 */
public record Browser(String id, String arn, String name, String status, NetworkConfig network,
    Optional<String> readIn) {
  public Browser {
    Values.require(id, "browser id");
    Values.require(arn, "browser arn");
    name = name == null ? id : name;
    status = status == null ? "" : status;
    network = network == null ? new NetworkConfig("", null, null) : network;
    readIn = Values.opt(readIn);
  }

  /** A browser read by the collection that holds it. */
  public Browser(String id, String arn, String name, String status, NetworkConfig network) {
    this(id, arn, name, status, network, Optional.empty());
  }
}
