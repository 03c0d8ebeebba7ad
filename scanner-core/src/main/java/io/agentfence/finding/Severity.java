package io.agentfence.finding;

import java.util.Locale;
import java.util.Optional;

/**
 * Finding severity, ordered from most to least severe. {@link #securityScore()} is the SARIF
 * {@code security-severity} GitHub uses to bucket alerts: "over 9.0 is critical, 7.0 to 8.9 high,
 * 4.0 to 6.9 medium, 0.1 to 3.9 low" (exactly 9.0 is in no bucket, so critical uses 9.5); 0.0
 * means no security severity, which is right for INFO.
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
