package io.agentfence.engine;

import io.agentfence.collect.ScanCancelledException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The work queue of one scan: a bounded pool that runs queued steps by priority, a count of the
 * steps still pending, and cancellation. {@link #cancel()} stops the workers (interrupting the reads
 * in progress); steps queued after that do not run.
 *
 * <p>More workers than call slots ({@link InFlight}): a unit waiting for its rate budget holds no
 * slot, and another unit's calls use it meanwhile. Each unit calls serially, so the calls on the
 * wire never exceed {@code --concurrency} either way.
 *
 * <p>Units of accounts already entered run before the next account is entered: an account's first
 * step waits for its AssumeRole (the caller's STS budget, one bucket for the whole organization),
 * and with a first-in-first-out queue every worker sat in those waits while the ready units queued
 * behind them.
 */
final class ScanQueue implements AutoCloseable {
  /**
   * Units in progress per call slot. Three keeps every slot busy while two of three units wait for
   * their budget, as an AgentCore region with more Gets than the burst does at low latency.
   */
  static final int UNITS_PER_SLOT = 3;

  /** What a queued task does; earlier constants run first. */
  enum Step { READ_UNIT, ENTER_ACCOUNT }

  private final ExecutorService executor;
  private final Phaser pending = new Phaser(1);
  /** Queue order within a step kind: first submitted, first run. */
  private final AtomicLong sequence = new AtomicLong();
  /** The engine's cancellation flag: set by {@code ScanEngine.cancel()}, seen by every step. */
  private final AtomicBoolean cancelled;

  ScanQueue(int concurrency, AtomicBoolean cancelled) {
    this.cancelled = cancelled;
    int threads = concurrency * UNITS_PER_SLOT;
    executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
        new PriorityBlockingQueue<Runnable>(), r -> {
          Thread t = new Thread(r, "agentfence-scan");
          t.setDaemon(true);
          return t;
        });
  }

  /** Stops the workers; thread-safe, and may come before or during {@link #await()}. */
  void cancel() {
    cancelled.set(true);
    executor.shutdownNow();
  }

  /** Queues a step; it does not run once the scan is cancelled. */
  void submit(Step step, Runnable task) {
    pending.register();
    try {
      executor.execute(new Queued(step, sequence.getAndIncrement(), () -> {
        try {
          if (!cancelled.get()) {
            task.run();
          }
        } catch (ScanCancelledException c) {
          // A read saw the cancellation (any step of any task, DescribeRegions included): the
          // scope stays unfinished and its final coverage gets a "Cancelled" gap. Caught here so
          // it never reaches the pool thread's handler as a stack trace on stderr.
        } finally {
          pending.arriveAndDeregister();
        }
      }));
    } catch (RejectedExecutionException shutDown) {
      pending.arriveAndDeregister();
    }
  }

  /** Waits for every queued step (including steps they queue) or the cancellation, then stops the workers. */
  void await() {
    int phase = pending.arrive();
    try {
      while (true) {
        try {
          pending.awaitAdvanceInterruptibly(phase, 200, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException stillRunning) {
          if (cancelled.get()) {
            break;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancelled.set(true);
    }
    executor.shutdownNow();
    try {
      // A worker still inside a read after this is dropped when it publishes (AccountState.seal).
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** A task of the priority queue: by step, then in submission order. */
  private static final class Queued implements Runnable, Comparable<Queued> {
    private final Step step;
    private final long sequence;
    private final Runnable task;

    Queued(Step step, long sequence, Runnable task) {
      this.step = step;
      this.sequence = sequence;
      this.task = task;
    }

    @Override
    public void run() {
      task.run();
    }

    @Override
    public int compareTo(Queued o) {
      int c = step.compareTo(o.step);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }
}
