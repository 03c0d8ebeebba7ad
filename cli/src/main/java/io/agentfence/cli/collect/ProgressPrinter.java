package io.agentfence.cli.collect;

import io.agentfence.engine.ScanProgress;
import java.io.PrintStream;

/**
 * Progress on stderr: one rewritten line when a terminal is attached, otherwise (CI) a plain log
 * line whenever an account finishes, so logs stay readable and short.
 */
final class ProgressPrinter implements ScanProgress.Listener {
  private final PrintStream err;
  private final boolean terminal;
  private int lastAccountsDone = -1;
  private long lastPrint;

  ProgressPrinter(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public synchronized void update(ScanProgress p) {
    if (terminal) {
      long now = System.nanoTime();
      if (now - lastPrint > 100_000_000L || p.unitsDone() == p.unitsTotal()) {
        err.print("\r" + p.line() + "   ");
        err.flush();
        lastPrint = now;
      }
    } else if (p.accountsDone() != lastAccountsDone) {
      lastAccountsDone = p.accountsDone();
      err.println("agentfence: " + p.line());
    }
  }

  synchronized void finish(String summary) {
    if (terminal) {
      err.println();
    }
    err.println("agentfence: " + summary);
  }
}
