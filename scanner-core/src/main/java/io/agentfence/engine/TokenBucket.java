package io.agentfence.engine;

/**
 * A token bucket: {@code ratePerSecond} tokens a second, bursts up to {@code burst}. Blocking
 * {@link #acquire()} is fine here: SDK sync clients run interceptors on the calling worker thread.
 */
final class TokenBucket {
  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long last;

  TokenBucket(double ratePerSecond, double burst) {
    if (ratePerSecond <= 0) {
      throw new IllegalArgumentException("rate must be positive");
    }
    this.ratePerNano = ratePerSecond / 1_000_000_000d;
    this.burst = Math.max(1, burst);
    this.tokens = this.burst;
    this.last = System.nanoTime();
  }

  /** Takes one token, waiting as long as needed. */
  void acquire() throws InterruptedException {
    long waitNanos;
    synchronized (this) {
      long now = System.nanoTime();
      tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
      last = now;
      tokens -= 1;
      // A negative balance is a reservation: this caller waits until it is paid back, and later
      // callers queue behind it, so the long-run rate never exceeds the budget.
      waitNanos = tokens >= 0 ? 0 : (long) (-tokens / ratePerNano);
    }
    if (waitNanos > 0) {
      java.util.concurrent.TimeUnit.NANOSECONDS.sleep(waitNanos);
    }
  }
}
