package io.agentfence.check.suppress;

import java.util.regex.Pattern;

/**
 * An ARN pattern of a suppression: {@code *} matches within one ARN segment (never across
 * {@code :} or {@code /}), {@code **} matches across segments, {@code ?} one character; everything
 * else is literal. An empty pattern matches any ARN.
 */
public final class ArnGlob {
  private final String glob;
  private final Pattern pattern;

  private ArnGlob(String glob) {
    this.glob = glob;
    this.pattern = Pattern.compile(toRegex(glob));
  }

  public static ArnGlob of(String glob) {
    return new ArnGlob(glob == null ? "" : glob.trim());
  }

  public boolean matches(String arn) {
    return glob.isEmpty() || pattern.matcher(arn).matches();
  }

  @Override
  public String toString() {
    return glob;
  }

  private static String toRegex(String glob) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          b.append(".*");
          i++;
        } else {
          b.append("[^:/]*");
        }
      } else if (c == '?') {
        b.append("[^:/]");
      } else {
        b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return b.toString();
  }
}
