package io.agentfence.collect;

import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.ResourceKind;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Why a read did not complete, turned into a coverage record. This is where peer scanners go wrong
 * (AccessDenied and throttling silently becoming "no resources"): here every failure becomes an
 * explicit gap with the operation, the AWS error code and message.
 */
public final class ReadFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private static final Set<String> DENIED_CODES = Set.of(
      "accessdenied", "accessdeniedexception", "unauthorizedoperation", "authorizationerror",
      "unauthorizedexception", "awsorganizationsnotinuseexception");
  private static final Set<String> REGION_DISABLED_CODES = Set.of(
      "optinrequired", "invalidclienttokenid", "authfailure", "unrecognizedclientexception");

  private final ReadOperation operation;
  private final CoverageStatus status;
  private final String errorCode;

  private ReadFailure(ReadOperation operation, CoverageStatus status, String errorCode, String message,
      Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.status = status;
    this.errorCode = errorCode;
  }

  public ReadOperation operation() {
    return operation;
  }

  public CoverageStatus status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  public CoverageRecord record(String accountId, String region, ResourceKind kind) {
    return CoverageRecord.gap(accountId, kind.global() ? CoverageRecord.GLOBAL : region, kind,
        status, operation.operation(), errorCode, getMessage());
  }

  /** A response we could not turn into the model (missing id, unexpected shape). */
  public static ReadFailure malformed(ReadOperation op, String what) {
    return new ReadFailure(op, CoverageStatus.ERROR, "MalformedResponse", what, null);
  }

  /** Classifies anything thrown while performing {@code op}. Cancellation is rethrown. */
  public static ReadFailure of(ReadOperation op, RuntimeException e) {
    if (e instanceof ReadFailure) {
      return (ReadFailure) e;
    }
    if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
      throw new ScanCancelledException(e);
    }
    if (e instanceof AwsServiceException) {
      AwsServiceException ae = (AwsServiceException) e;
      String code = ae.awsErrorDetails() == null || ae.awsErrorDetails().errorCode() == null
          ? "HTTP" + ae.statusCode() : ae.awsErrorDetails().errorCode();
      String message = ae.awsErrorDetails() == null || ae.awsErrorDetails().errorMessage() == null
          ? ae.getMessage() : ae.awsErrorDetails().errorMessage();
      String lc = code.toLowerCase(Locale.ROOT);
      CoverageStatus status;
      if (ae.isThrottlingException()) {
        status = CoverageStatus.THROTTLED_OUT;
        message = message + " (gave up after " + ae.numAttempts() + " attempts)";
      } else if (DENIED_CODES.contains(lc) || ae.statusCode() == 403) {
        status = CoverageStatus.DENIED;
      } else {
        status = CoverageStatus.ERROR;
      }
      return new ReadFailure(op, status, code, message, e);
    }
    if (e instanceof SdkException && hasCause(e, UnknownHostException.class)
        && op.service() == ReadOperation.Service.AGENTCORE) {
      // The regional AgentCore endpoint does not exist: the service is not offered there.
      return new ReadFailure(op, CoverageStatus.NOT_OFFERED, "UnknownHost",
          "AgentCore control plane has no endpoint in this region", e);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String code = e instanceof SdkException ? "ClientError" : "MalformedResponse";
    return new ReadFailure(op, CoverageStatus.ERROR, code, message, e);
  }

  /** True when an EC2 error means the region is not enabled for this account. */
  static boolean regionDisabled(String code) {
    return code != null && REGION_DISABLED_CODES.contains(code.toLowerCase(Locale.ROOT));
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
