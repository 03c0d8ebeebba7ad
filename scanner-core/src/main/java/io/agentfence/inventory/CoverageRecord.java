package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.Optional;

/**
 * What happened when we tried to read one (account, region, resource kind). Global kinds (IAM,
 * Organizations) use region {@link #GLOBAL}.
 *
 * @param operation  the API operation that failed, when not READ
 * @param errorCode  the AWS error code (AccessDenied, Throttling, ...), when not READ
 * @param message    the AWS error message or our explanation, when not READ
 */
public record CoverageRecord(
    String accountId,
    String region,
    ResourceKind kind,
    CoverageStatus status,
    Optional<String> operation,
    Optional<String> errorCode,
    Optional<String> message) {
  public static final String GLOBAL = "global";

  public CoverageRecord {
    Values.require(accountId, "coverage accountId");
    Values.require(region, "coverage region");
    if (kind == null || status == null) {
      throw new IllegalArgumentException("coverage kind and status are required");
    }
    operation = Values.opt(operation);
    errorCode = Values.opt(errorCode);
    message = Values.opt(message);
  }

  public static CoverageRecord read(String accountId, String region, ResourceKind kind) {
    return new CoverageRecord(
        accountId, region, kind, CoverageStatus.READ, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static CoverageRecord gap(
      String accountId, String region, ResourceKind kind, CoverageStatus status,
      String operation, String errorCode, String message) {
    return new CoverageRecord(accountId, region, kind, status,
        Optional.ofNullable(operation), Optional.ofNullable(errorCode), Optional.ofNullable(message));
  }
}
