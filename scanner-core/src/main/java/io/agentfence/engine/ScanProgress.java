package io.agentfence.engine;

/**
 * Where a scan stands; sent to a {@link Listener} whenever a unit of work finishes.
 *
 * @param units     (account, region) units plus one IAM unit per account
 */
public record ScanProgress(
    int accountsTotal, int accountsDone, int unitsTotal, int unitsDone, long calls, long retries, long throttles) {

  /** Receives progress; must be cheap and thread-safe (called from worker threads). */
  public interface Listener {
    void update(ScanProgress progress);

    Listener NONE = p -> {};
  }

  public String line() {
    return String.format("accounts %d/%d, regions %d/%d, %d calls, %d retries, %d throttled",
        accountsDone, accountsTotal, unitsDone, unitsTotal, calls, retries, throttles);
  }
}
