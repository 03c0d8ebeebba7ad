package io.agentfence.reporters.compare;

import io.agentfence.finding.Finding;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.reporters.Fingerprints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This run compared with a previous one ({@code --previous FILE}), matched by fingerprint so that
 * reordering and unrelated changes do not matter. Only reportable results take part: FAIL and
 * UNKNOWN (suppressed or not). A result that was FAIL and now PASSes is {@link BaselineState#ABSENT}.
 */
public final class Comparison {
  private static final Comparison NONE = new Comparison(false, Map.of(), List.of(), "");

  private final boolean active;
  private final Map<String, BaselineState> states;
  private final List<PreviousFinding> absent;
  private final String previousSource;

  private Comparison(boolean active, Map<String, BaselineState> states, List<PreviousFinding> absent, String source) {
    this.active = active;
    this.states = states;
    this.absent = absent;
    this.previousSource = source;
  }

  /** No previous run given: results carry no {@code baselineState}. */
  public static Comparison none() {
    return NONE;
  }

  public static Comparison of(ScanReport current, List<PreviousFinding> previous, String previousSource) {
    Map<String, PreviousFinding> before = new LinkedHashMap<>();
    for (PreviousFinding p : previous) {
      if (p.status() != Status.PASS) {
        before.putIfAbsent(p.fingerprint(), p);
      }
    }
    Map<String, BaselineState> states = new HashMap<>();
    List<String> fps = Fingerprints.assign(current);
    for (int i = 0; i < fps.size(); i++) {
      Finding f = current.findings().get(i);
      if (!reportable(f)) {
        continue;
      }
      PreviousFinding p = before.remove(fps.get(i));
      states.put(fps.get(i), p == null ? BaselineState.NEW
          : significantlyChanged(p, f) ? BaselineState.UPDATED : BaselineState.UNCHANGED);
    }
    return new Comparison(true, Map.copyOf(states), List.copyOf(new ArrayList<>(before.values())),
        previousSource == null ? "" : previousSource);
  }

  /** Results that appear in SARIF and take part in the comparison. */
  public static boolean reportable(Finding f) {
    return f.status() != Status.PASS;
  }

  private static boolean significantlyChanged(PreviousFinding p, Finding f) {
    return p.status() != f.status() || p.severity() != f.severity()
        || !p.message().equals(f.message()) || !p.chain().equals(f.chain());
  }

  public boolean active() {
    return active;
  }

  /** The state of a current reportable result, by fingerprint; empty when not comparing or for PASS. */
  public Optional<BaselineState> stateOf(String fingerprint) {
    return Optional.ofNullable(states.get(fingerprint));
  }

  /** Previous results that are gone now, in the previous file's order. */
  public List<PreviousFinding> absent() {
    return absent;
  }

  public String previousSource() {
    return previousSource;
  }

  /**
   * {@code --fail-on-new}: failing, unsuppressed findings at or above the threshold that are new
   * since the previous run. Without a comparison every finding is new.
   */
  public long newFailingAtOrAbove(ScanReport report, Severity threshold) {
    List<String> fps = Fingerprints.assign(report);
    long n = 0;
    for (int i = 0; i < fps.size(); i++) {
      Finding f = report.findings().get(i);
      if (f.counts() && f.severity().atLeast(threshold)
          && (!active || states.get(fps.get(i)) == BaselineState.NEW)) {
        n++;
      }
    }
    return n;
  }
}
