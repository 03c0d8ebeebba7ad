package io.agentfence.collect;

import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs reads for one (account, region) and records one coverage record per resource kind: READ
 * when every call for the kind succeeded, otherwise the gap naming the operation that failed.
 * Collectors record through {@link #kind}, with the {@link KindReads} they declare.
 */
public final class Reads {
  private final String accountId;
  private final String region;
  private final List<CoverageRecord> coverage = new ArrayList<>();
  private final ReusableReads.Region reusable;

  public Reads(String accountId, String region) {
    this(accountId, region, ReusableReads.Region.EMPTY);
  }

  /** Reads of a warm scan's unit: {@code reusable} holds what need not be read again here. */
  public Reads(String accountId, String region, ReusableReads.Region reusable) {
    this.accountId = accountId;
    this.region = region;
    this.reusable = reusable;
  }

  /** What this unit may reuse from a previous snapshot instead of reading it (nothing when cold). */
  public ReusableReads.Region reusable() {
    return reusable;
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
   * Reads one declared resource kind; {@code read} adds what it reads to the caller's lists as it
   * goes. On failure the kind gets a gap record; whatever was read before the failure stays in the
   * lists, but the gap makes every check on this scope UNKNOWN rather than PASS.
   *
   * @return true when the kind was read completely
   */
  public boolean kind(KindReads declared, Runnable read) {
    ResourceKind kind = declared.kind();
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
      coverage.add(ReadFailure.of(declared.operations().get(0), e).record(accountId, region, kind));
      return false;
    }
  }

  /** The record of the kind read last, e.g. to tell whether the service answered at all. */
  public CoverageRecord last() {
    if (coverage.isEmpty()) {
      throw new IllegalStateException("no kind has been read yet");
    }
    return coverage.get(coverage.size() - 1);
  }

  /**
   * Records {@code declared} with the outcome of the kind read last, without reading it: when that
   * outcome (e.g. the service has no endpoint in the region) answers for this kind too.
   */
  public void sameAsLast(KindReads declared) {
    CoverageRecord l = last();
    coverage.add(new CoverageRecord(l.accountId(), l.region(), declared.kind(), l.status(), l.operation(),
        l.errorCode(), l.message()));
  }

  public List<CoverageRecord> coverage() {
    return List.copyOf(coverage);
  }
}
