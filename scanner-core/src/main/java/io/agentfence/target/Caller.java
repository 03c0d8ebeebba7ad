package io.agentfence.target;

/** Who is scanning: from sts:GetCallerIdentity, which needs no permission. */
public record Caller(String accountId, String arn) {
  /** aws, aws-us-gov, aws-cn ... taken from the caller's ARN, so role ARNs match the partition. */
  public String partition() {
    String[] parts = arn.split(":");
    return parts.length > 1 && !parts[1].isBlank() ? parts[1] : "aws";
  }
}
