package io.agentfence.target;

import io.agentfence.engine.ClientFactory;
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

  public static AwsCredentialsProvider forAccount(
      ClientFactory clients, Caller caller, AwsCredentialsProvider base, TargetSpec spec, String accountId) {
    if (accountId.equals(caller.accountId()) && spec.roleName().isEmpty()) {
      return base;
    }
    if (accountId.equals(caller.accountId())) {
      // The management account usually has no StackSet-deployed member role: use the caller.
      return base;
    }
    String role = spec.roleName().orElseThrow(() -> new IllegalArgumentException(
        "--role-name is required to scan account " + accountId + " from " + caller.accountId()));
    StsClient sts = clients.sts(caller.accountId(), base, spec.homeRegion());
    String roleArn = "arn:" + caller.partition() + ":iam::" + accountId + ":role/" + role;
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(r -> {
          r.roleArn(roleArn).roleSessionName(spec.sessionName()).durationSeconds(3600);
          spec.externalId().ifPresent(r::externalId);
        })
        .build();
  }
}
