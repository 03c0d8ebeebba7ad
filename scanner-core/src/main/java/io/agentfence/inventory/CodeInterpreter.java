package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.Optional;

/**
 * A custom AgentCore Code Interpreter (GetCodeInterpreter). Modes are PUBLIC, SANDBOX or VPC;
 * SANDBOX still reaches AWS services such as S3 outside the customer VPC. The network configuration
 * is fixed at creation (the API has no UpdateCodeInterpreter), so a warm scan may reuse it.
 *
 * @param readIn the collection that read this configuration, when a warm scan reused it (name, ARN
 *               and status always come from this collection's ListCodeInterpreters)
 */
public record CodeInterpreter(String id, String arn, String name, String status, NetworkConfig network,
    Optional<String> readIn) {
  public CodeInterpreter {
    Values.require(id, "code interpreter id");
    Values.require(arn, "code interpreter arn");
    name = name == null ? id : name;
    status = status == null ? "" : status;
    network = network == null ? new NetworkConfig("", null, null) : network;
    readIn = Values.opt(readIn);
  }

  /** A code interpreter read by the collection that holds it. */
  public CodeInterpreter(String id, String arn, String name, String status, NetworkConfig network) {
    this(id, arn, name, status, network, Optional.empty());
  }
}
