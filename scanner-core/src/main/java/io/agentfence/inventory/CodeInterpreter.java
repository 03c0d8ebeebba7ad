package io.agentfence.inventory;

import io.agentfence.util.Values;

/**
 * A custom AgentCore Code Interpreter (GetCodeInterpreter). Modes are PUBLIC, SANDBOX or VPC;
 * SANDBOX still reaches AWS services such as S3 outside the customer VPC.
 */
public record CodeInterpreter(String id, String arn, String name, String status, NetworkConfig network) {
  public CodeInterpreter {
    Values.require(id, "code interpreter id");
    Values.require(arn, "code interpreter arn");
    name = name == null ? id : name;
    status = status == null ? "" : status;
    network = network == null ? new NetworkConfig("", null, null) : network;
  }
}
