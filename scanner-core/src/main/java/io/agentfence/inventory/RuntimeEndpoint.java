package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.Optional;

/** A runtime endpoint and the versions it serves now (live) and is moving to (target). */
public record RuntimeEndpoint(
    String id,
    String name,
    String arn,
    String status,
    Optional<String> liveVersion,
    Optional<String> targetVersion) {
  public RuntimeEndpoint {
    Values.require(name, "endpoint name");
    id = id == null ? name : id;
    arn = arn == null ? "" : arn;
    status = status == null ? "" : status;
    liveVersion = Values.opt(liveVersion);
    targetVersion = Values.opt(targetVersion);
  }
}
