package io.agentfence.reporters.html;

/**
 * Escaping for text and attribute values. Resource names, policy names and AWS messages are
 * attacker-controlled (anyone who may create a runtime chooses its name), so every one of them goes
 * through {@link #esc} — in HTML and SVG alike — and never into a script, style or URL.
 */
final class Html {
  private Html() {}

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // Control characters other than tab/newline are not valid in HTML text; show them as U+FFFD.
          b.append(c < 0x20 && c != '\t' && c != '\n' ? '\uFFFD' : c);
        }
      }
    }
    return b.toString();
  }

  /** At most {@code max} characters, with an ellipsis when cut (escape the result, not the input). */
  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
