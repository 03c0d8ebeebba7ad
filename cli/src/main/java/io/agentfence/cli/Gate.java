package io.agentfence.cli;

import io.agentfence.finding.ScanReport;
import io.agentfence.reporters.compare.Comparison;

/**
 * The CI gate (DESIGN exit codes): 1 when failing, unsuppressed findings are at or above
 * {@code --fail-on} (with {@code --fail-on-new}: only those new since {@code --previous}); else 3
 * when part of the scope was not read; else 0.
 */
final class Gate {
  private Gate() {}

  static int exitCode(ScanReport report, Comparison comparison, FailOn failOn, boolean failOnNew) {
    long failing = failOn.severity()
        .map(t -> failOnNew ? comparison.newFailingAtOrAbove(report, t) : report.failingAtOrAbove(t))
        .orElse(0L);
    if (failing > 0) {
      return ExitCodes.FINDINGS;
    }
    return report.complete() ? ExitCodes.CLEAN : ExitCodes.INCOMPLETE;
  }
}
