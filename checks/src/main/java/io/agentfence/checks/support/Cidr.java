package io.agentfence.checks.support;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * An IPv4 or IPv6 prefix, parsed without {@link java.net.InetAddress} (which may resolve names:
 * checks do no I/O). Used for longest-prefix match and for telling public from private space.
 */
public record Cidr(boolean ipv6, BigInteger network, int prefixLength, String text) {
  /**
   * Parsed prefixes by text. The same few route destinations (0.0.0.0/0, each VPC's local range)
   * are parsed for every subnet of every workload; parsing is pure, so its result is kept. Bounded:
   * emptied when full, so a long-lived process never grows it without limit.
   */
  private static final Map<String, Optional<Cidr>> PARSED = new ConcurrentHashMap<>();
  private static final int PARSED_LIMIT = 1 << 16;

  /** Ranges that are not routable on the public internet (RFC 1918, RFC 6598, RFC 5735 and kin). */
  private static final List<Cidr> NON_PUBLIC_V4 = parseAll(
      "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
      "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
      "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
  /** Unspecified, loopback, IPv4-mapped, ULA (fc00::/7), link-local, multicast, documentation. */
  private static final List<Cidr> NON_PUBLIC_V6 = parseAll(
      "::/128", "::1/128", "::ffff:0:0/96", "fc00::/7", "fe80::/10", "ff00::/8", "2001:db8::/32");

  public static final Cidr V4_DEFAULT = parse("0.0.0.0/0").orElseThrow();
  public static final Cidr V6_DEFAULT = parse("::/0").orElseThrow();

  public int bits() {
    return ipv6 ? 128 : 32;
  }

  public boolean isDefault() {
    return prefixLength == 0;
  }

  /** True when every address of {@code other} is inside this prefix (same family). */
  public boolean contains(Cidr other) {
    if (other.ipv6 != ipv6 || other.prefixLength < prefixLength) {
      return false;
    }
    return mask(other.network, prefixLength, bits()).equals(network);
  }

  /**
   * True when some address of this prefix is publicly routable, i.e. the prefix is not wholly
   * inside a private or special-purpose range. {@code 0.0.0.0/1} is public: it spans public space.
   */
  public boolean isPublic() {
    for (Cidr c : ipv6 ? NON_PUBLIC_V6 : NON_PUBLIC_V4) {
      if (c.contains(this)) {
        return false;
      }
    }
    return true;
  }

  public static Optional<Cidr> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<Cidr> known = PARSED.get(text);
    if (known == null) {
      known = parseText(text);
      if (PARSED.size() >= PARSED_LIMIT) {
        PARSED.clear();
      }
      PARSED.put(text, known);
    }
    return known;
  }

  private static Optional<Cidr> parseText(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String addr = t.substring(0, slash);
    int len;
    try {
      len = Integer.parseInt(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    boolean v6 = addr.contains(":");
    Optional<BigInteger> value = v6 ? parseV6(addr) : parseV4(addr);
    int bits = v6 ? 128 : 32;
    if (value.isEmpty() || len < 0 || len > bits) {
      return Optional.empty();
    }
    return Optional.of(new Cidr(v6, mask(value.get(), len, bits), len, t));
  }

  private static BigInteger mask(BigInteger value, int len, int bits) {
    BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    BigInteger host = BigInteger.ONE.shiftLeft(bits - len).subtract(BigInteger.ONE);
    return value.and(all.xor(host));
  }

  private static Optional<BigInteger> parseV4(String addr) {
    String[] parts = addr.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int octet = Integer.parseInt(p);
      if (octet > 255) {
        return Optional.empty();
      }
      v = (v << 8) | octet;
    }
    return Optional.of(BigInteger.valueOf(v));
  }

  private static Optional<BigInteger> parseV6(String addr) {
    int dc = addr.indexOf("::");
    if (dc >= 0 && addr.indexOf("::", dc + 1) >= 0) {
      return Optional.empty();
    }
    List<String> head;
    List<String> tail;
    if (dc >= 0) {
      head = groups(addr.substring(0, dc));
      tail = groups(addr.substring(dc + 2));
    } else {
      head = groups(addr);
      tail = List.of();
    }
    if (head == null || tail == null) {
      return Optional.empty();
    }
    int missing = 8 - head.size() - tail.size();
    if ((dc < 0 && missing != 0) || (dc >= 0 && missing < 1)) {
      return Optional.empty();
    }
    BigInteger v = BigInteger.ZERO;
    for (String g : head) {
      v = v.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(g, 16)));
    }
    v = v.shiftLeft(16 * (dc >= 0 ? missing : 0));
    for (String g : tail) {
      v = v.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(g, 16)));
    }
    return Optional.of(v);
  }

  private static List<String> groups(String s) {
    if (s.isEmpty()) {
      return List.of();
    }
    String[] parts = s.split(":", -1);
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        return null;
      }
    }
    return List.of(parts);
  }

  private static List<Cidr> parseAll(String... texts) {
    return java.util.Arrays.stream(texts).map(t -> parse(t).orElseThrow()).toList();
  }

  @Override
  public String toString() {
    return text;
  }
}
