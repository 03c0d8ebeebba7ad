package io.agentfence.checks.support;

import io.agentfence.finding.ResourceRef;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.RuntimeEndpoint;

/** Resource references for things findings are about, built the same way by every rule. */
public final class Refs {
  private Refs() {}

  /** The ARN partition of a region: aws, aws-us-gov or aws-cn. */
  public static String partition(String region) {
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return "aws";
  }

  public static ResourceRef vpc(String accountId, String region, String vpcId) {
    String arn = "arn:" + partition(region) + ":ec2:" + region + ":" + accountId + ":vpc/" + vpcId;
    return new ResourceRef("vpc", vpcId, arn, accountId, region);
  }

  /** A runtime endpoint; endpoints whose ARN was not returned get a pseudo-ARN under the runtime. */
  public static ResourceRef endpoint(AgentRuntime runtime, RuntimeEndpoint e, String accountId, String region) {
    String arn = e.arn().isBlank() ? runtime.arn() + "/runtime-endpoint/" + e.name() : e.arn();
    return new ResourceRef("runtime-endpoint", e.name(), arn, accountId, region);
  }

  /** A unit of collection (account and region, or account and {@code global}). */
  public static ResourceRef scope(String kind, String accountId, String region) {
    return new ResourceRef(kind, accountId + "/" + region, null, accountId, region);
  }
}
