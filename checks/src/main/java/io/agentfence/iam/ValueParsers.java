package io.agentfence.iam;

import java.math.BigDecimal;
import io.agentfence.checks.support.Cidr;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parsing of numeric, date and IP condition values (pure: never resolves host names). */
final class ValueParsers {
  private ValueParsers() {}

  static Optional<BigDecimal> number(String s) {
    try {
      return Optional.of(new BigDecimal(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<Instant> date(String s) {
    String t = s.trim();
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return Optional.of(Instant.parse(t));
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException ignored) {
      // next form
    }
    return number(t).map(n -> Instant.ofEpochSecond(n.longValue()));
  }

  /**
   * A CIDR or a single address (as its /32 or /128), parsed by the same pure parser the route
   * rules use: never InetAddress, which may resolve names.
   */
  static Optional<Cidr> cidr(String s) {
    String t = s.trim();
    if (t.indexOf('/') >= 0) {
      return Cidr.parse(t);
    }
    return ip(t);
  }

  /** A single IP address as a host prefix; empty for anything that is not an address literal. */
  static Optional<Cidr> ip(String s) {
    String t = s.trim();
    if (t.isEmpty() || t.indexOf('/') >= 0) {
      return Optional.empty();
    }
    return Cidr.parse(t + (t.contains(":") ? "/128" : "/32"));
  }
}
