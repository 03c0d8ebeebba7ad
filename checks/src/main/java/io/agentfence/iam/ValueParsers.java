package io.agentfence.iam;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parsing of numeric, date and IP condition values (pure: never resolves host names). */
final class ValueParsers {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

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

  /** A CIDR (or a single address) as (address bytes, prefix length). */
  record Cidr(byte[] address, int prefix) {
    boolean contains(byte[] ip) {
      if (ip.length != address.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (ip[i] != address[i]) {
          return false;
        }
      }
      int rem = prefix % 8;
      if (rem == 0) {
        return true;
      }
      int mask = (0xff << (8 - rem)) & 0xff;
      return (ip[full] & mask) == (address[full] & mask);
    }
  }

  static Optional<Cidr> cidr(String s) {
    String t = s.trim();
    int slash = t.indexOf('/');
    String addr = slash < 0 ? t : t.substring(0, slash);
    Optional<byte[]> bytes = ip(addr);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    int max = bytes.get().length * 8;
    int prefix = max;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (prefix < 0 || prefix > max) {
        return Optional.empty();
      }
    }
    return Optional.of(new Cidr(bytes.get(), prefix));
  }

  /** Parses an IP literal; only literals are handed to InetAddress, so no DNS lookup can happen. */
  static Optional<byte[]> ip(String s) {
    String t = s.trim();
    if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
      return Optional.empty();
    }
    if (IPV4.matcher(t).matches()) {
      for (String part : t.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return Optional.empty();
        }
      }
    }
    try {
      return Optional.of(InetAddress.getByName(t).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
