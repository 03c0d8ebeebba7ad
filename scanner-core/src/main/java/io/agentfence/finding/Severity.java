package io.agentfence.finding;

import java.util.Locale;
import java.util.Optional;

/**
 * Finding severity, ordered from most to least severe. {@link #securityScore()} is the SARIF
 * {@code security-severity} GitHub uses to bucket alerts (critical >= 9.0, high >= 7.0,
 * medium >= 4.0, low > 0).
 */
public enum Severity {
  CRITICAL(9.5),
  HIGH(8.0),
  MEDIUM(5.5),
  LOW(3.0),
  INFO(0.0);

  private final double securityScore;

  Severity(double securityScore) {
    this.securityScore = securityScore;
  }

  public double securityScore() {
    return securityScore;
  }

  /** True when this severity is at least as severe as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return this.ordinal() <= threshold.ordinal();
  }

  public static Optional<Severity> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
