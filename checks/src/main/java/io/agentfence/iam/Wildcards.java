package io.agentfence.iam;

import java.util.Locale;

/** IAM wildcard matching: {@code *} any run of characters, {@code ?} exactly one [D ACTION, D OPS]. */
public final class Wildcards {
  private Wildcards() {}

  public static boolean matches(String pattern, String value, boolean ignoreCase) {
    String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
    String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
    int pi = 0;
    int vi = 0;
    int star = -1;
    int mark = 0;
    while (vi < v.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
        pi++;
        vi++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = vi;
      } else if (star >= 0) {
        pi = star + 1;
        vi = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }

  /** Action names: the prefix and the name are case-insensitive [D ACTION]. */
  public static boolean actionMatches(String pattern, String action) {
    return matches(pattern, action, true);
  }

  /**
   * ARN condition operators: "Each of the six colon-delimited components of the ARN is checked
   * separately and each can include … wildcards" [D OPS]; case-sensitive.
   */
  public static boolean arnMatches(String pattern, String arn) {
    if (pattern.equals("*")) {
      return true;
    }
    String[] p = pattern.split(":", 6);
    String[] a = arn.split(":", 6);
    if (p.length != 6 || a.length != 6) {
      return false;
    }
    for (int i = 0; i < 6; i++) {
      if (!matches(p[i], a[i], false)) {
        return false;
      }
    }
    return true;
  }
}
