package io.agentfence.cli.collect;

import io.agentfence.collect.ReusableReads;
import io.agentfence.engine.EngineConfig;
import io.agentfence.engine.ScanEngine;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.Snapshot;
import io.agentfence.target.TargetSpec;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Runs the scan engine for a command: progress on stderr, and Ctrl-C (a JVM shutdown hook) cancels
 * the workers and waits for the caller to write what was read, marked cancelled.
 */
public final class LiveCollection {
  private LiveCollection() {}

  /** What the command does with the snapshot; runs before a Ctrl-C exit completes. */
  public interface Sink {
    void accept(Snapshot snapshot) throws Exception;
  }

  public static Snapshot run(EngineConfig config, AwsCredentialsProvider creds, TargetSpec spec, String source,
      java.io.PrintStream err, Sink sink) throws Exception {
    return run(config, creds, spec, source, ReusableReads.none(), err, sink);
  }

  /** A scan that reuses the immutable records of {@code reuse} (a warm scan). */
  public static Snapshot run(EngineConfig config, AwsCredentialsProvider creds, TargetSpec spec, String source,
      ReusableReads reuse, java.io.PrintStream err, Sink sink) throws Exception {
    ProgressPrinter progress = new ProgressPrinter(err, System.console() != null);
    ScanEngine engine = new ScanEngine(config, creds, progress, reuse);
    CountDownLatch written = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      engine.cancel();
      try {
        // Give the main thread time to write the partial snapshot before the JVM exits.
        written.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "agentfence-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Snapshot snapshot = engine.scan(spec, source);
      long gaps = snapshot.coverage().stream().filter(c -> !c.status().isComplete()).count();
      long notOffered = snapshot.coverage().stream().filter(c -> c.status() == CoverageStatus.NOT_OFFERED).count();
      long reused = ReusableReads.reusedIn(snapshot);
      progress.finish(String.format("%s: %d accounts, %d API calls, %d retries, %d throttled, %d coverage gaps%s%s%s",
          snapshot.collection().cancelled() ? "cancelled" : "collected",
          snapshot.accounts().size(), engine.metrics().calls(), engine.metrics().retries(),
          engine.metrics().throttles(), gaps, notOffered > 0 ? ", " + notOffered + " not-offered scopes" : "",
          reuse.isEmpty() ? "" : ", " + reused + " immutable records reused (warm scan)",
          snapshot.collection().cancelled() ? " (partial snapshot: the unread scope is recorded as gaps)" : ""));
      sink.accept(snapshot);
      return snapshot;
    } finally {
      written.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for the latch released above.
      }
    }
  }
}
