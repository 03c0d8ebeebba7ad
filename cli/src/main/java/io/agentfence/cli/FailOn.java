package io.agentfence.cli;

import io.agentfence.finding.Severity;
import java.util.Optional;

/** The {@code --fail-on} threshold: a severity, or NONE to never fail on findings. */
public enum FailOn {
  CRITICAL(Severity.CRITICAL),
  HIGH(Severity.HIGH),
  MEDIUM(Severity.MEDIUM),
  LOW(Severity.LOW),
  NONE(null);

  private final Severity severity;

  FailOn(Severity severity) {
    this.severity = severity;
  }

  public Optional<Severity> severity() {
    return Optional.ofNullable(severity);
  }

  /** Parses {@code --fail-on} case-insensitively, with a message that lists the choices as users type them. */
  public static final class Converter implements picocli.CommandLine.ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      for (FailOn f : values()) {
        if (f.name().equalsIgnoreCase(value.trim())) {
          return f;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "expected critical, high, medium, low or none but was '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
