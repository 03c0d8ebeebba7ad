package io.agentfence.collect;

import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs reads for one (account, region) and records one coverage record per resource kind: READ
 * when every call for the kind succeeded, otherwise the gap naming the operation that failed.
 */
public final class Reads {
  private final String accountId;
  private final String region;
  private final List<CoverageRecord> coverage = new ArrayList<>();

  public Reads(String accountId, String region) {
    this.accountId = accountId;
    this.region = region;
  }

  /** Performs one SDK call (or a whole paginator walk) as {@code op}, classifying any failure. */
  public static <T> T call(ReadOperation op, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw ReadFailure.of(op, e);
    }
  }

  /**
   * Reads one resource kind; {@code read} adds what it reads to the caller's lists as it goes. On
   * failure the kind gets a gap record; whatever was read before the failure stays in the lists,
   * but the gap makes every check on this scope UNKNOWN rather than PASS.
   *
   * @return true when the kind was read completely
   */
  public boolean kind(ResourceKind kind, Runnable read) {
    try {
      read.run();
      coverage.add(CoverageRecord.read(accountId, kind.global() ? CoverageRecord.GLOBAL : region, kind));
      return true;
    } catch (ReadFailure f) {
      coverage.add(f.record(accountId, region, kind));
      return false;
    } catch (ScanCancelledException c) {
      throw c;
    } catch (RuntimeException e) {
      // Our own mapping choked on a response (e.g. a record rejecting a missing id).
      coverage.add(ReadFailure.of(lastOp(kind), e).record(accountId, region, kind));
      return false;
    }
  }

  private static ReadOperation lastOp(ResourceKind kind) {
    switch (kind) {
      case AGENT_RUNTIMES: return ReadOperation.AGENTCORE_GET_AGENT_RUNTIME;
      case BROWSERS: return ReadOperation.AGENTCORE_GET_BROWSER;
      case CODE_INTERPRETERS: return ReadOperation.AGENTCORE_GET_CODE_INTERPRETER;
      case VPCS: return ReadOperation.EC2_DESCRIBE_VPCS;
      case SUBNETS: return ReadOperation.EC2_DESCRIBE_SUBNETS;
      case ROUTE_TABLES: return ReadOperation.EC2_DESCRIBE_ROUTE_TABLES;
      case DHCP_OPTIONS: return ReadOperation.EC2_DESCRIBE_DHCP_OPTIONS;
      case VPC_ENDPOINTS: return ReadOperation.EC2_DESCRIBE_VPC_ENDPOINTS;
      case SECURITY_GROUPS: return ReadOperation.EC2_DESCRIBE_SECURITY_GROUPS;
      case NETWORK_INTERFACES: return ReadOperation.EC2_DESCRIBE_NETWORK_INTERFACES;
      case IAM: return ReadOperation.IAM_GET_ACCOUNT_AUTHORIZATION_DETAILS;
      default: return ReadOperation.ORG_LIST_ACCOUNTS;
    }
  }

  public void add(CoverageRecord record) {
    coverage.add(record);
  }

  public List<CoverageRecord> coverage() {
    return List.copyOf(coverage);
  }
}
