package io.agentfence.iam;

import java.util.Locale;
import java.util.Optional;

/**
 * The condition operators IAM documents [D OPS], without set qualifier or IfExists suffix.
 * {@code negated} operators match when the request value matches none of the policy values
 * (NOR) and, as a plain operator, are true when the key is absent [D OPS].
 */
public enum BaseOperator {
  STRING_EQUALS("StringEquals", Family.STRING, false),
  STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
  STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
  STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
  STRING_LIKE("StringLike", Family.STRING, false),
  STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
  NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
  NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
  NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
  DATE_EQUALS("DateEquals", Family.DATE, false),
  DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
  DATE_LESS_THAN("DateLessThan", Family.DATE, false),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
  DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
  BOOL("Bool", Family.BOOL, false),
  BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
  IP_ADDRESS("IpAddress", Family.IP, false),
  NOT_IP_ADDRESS("NotIpAddress", Family.IP, true),
  ARN_EQUALS("ArnEquals", Family.ARN, false),
  ARN_LIKE("ArnLike", Family.ARN, false),
  ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
  ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
  NULL("Null", Family.NULL, false);

  /** Operator families, as grouped in [D OPS]. */
  public enum Family { STRING, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

  private final String awsName;
  private final Family family;
  private final boolean negated;

  BaseOperator(String awsName, Family family, boolean negated) {
    this.awsName = awsName;
    this.family = family;
    this.negated = negated;
  }

  public String awsName() {
    return awsName;
  }

  public Family family() {
    return family;
  }

  public boolean negated() {
    return negated;
  }

  /** Exact (case-sensitive) lookup, as IAM spells operators. */
  public static Optional<BaseOperator> byName(String name) {
    for (BaseOperator op : values()) {
      if (op.awsName.equals(name)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /** A case-insensitive match, to suggest a fix for a misspelt operator. */
  public static Optional<BaseOperator> closest(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (BaseOperator op : values()) {
      if (op.awsName.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(op);
      }
    }
    BaseOperator best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (BaseOperator op : values()) {
      int d = distance(op.awsName.toLowerCase(Locale.ROOT), lower);
      if (d < bestDistance) {
        bestDistance = d;
        best = op;
      }
    }
    return bestDistance <= 3 ? Optional.ofNullable(best) : Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
