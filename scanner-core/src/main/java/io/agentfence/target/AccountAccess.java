package io.agentfence.target;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Credentials for a member account: the caller's own credentials for its own account, otherwise
 * AssumeRole into {@code --role-name} through a refreshing provider, so a scan that outlives the
 * session (1 h) renews it instead of failing half-way.
 */
public final class AccountAccess {
  private AccountAccess() {}

  /**
   * @param sts the STS client (caller's credentials) that makes the AssumeRole calls, shared by
   *            every member account of a scan; asked for only when a role is assumed. The caller
   *            owns it and closes it after the scan, as well as the returned provider.
   */
  public static AwsCredentialsProvider forAccount(
      Supplier<StsClient> sts, Caller caller, AwsCredentialsProvider base, TargetSpec spec, String accountId) {
    if (accountId.equals(caller.accountId())) {
      // The caller's own account (often the management account, where StackSets do not deploy
      // the member role) is read with the caller's credentials.
      return base;
    }
    String role = spec.roleName().orElseThrow(() -> new IllegalArgumentException(
        "--role-name is required to scan account " + accountId + " from " + caller.accountId()));
    String roleArn = "arn:" + caller.partition() + ":iam::" + accountId + ":role/" + role;
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts.get())
        .refreshRequest(r -> {
          r.roleArn(roleArn).roleSessionName(spec.sessionName()).durationSeconds(3600);
          spec.externalId().ifPresent(r::externalId);
        })
        .build();
  }
}
