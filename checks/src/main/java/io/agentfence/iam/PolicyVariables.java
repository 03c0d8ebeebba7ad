package io.agentfence.iam;

import java.util.List;
import java.util.Optional;

/**
 * Policy variables ({@code ${aws:username}}, {@code ${key, 'default'}}, {@code ${*}}) in
 * Resource and string conditions, only in 2012-10-17 policies [D VARS]. A variable whose key is
 * absent or multivalued (those cannot be variables) has no value: the whole value is then empty.
 */
final class PolicyVariables {
  private PolicyVariables() {}

  static Optional<String> substitute(String value, AccessRequest request) {
    if (!value.contains("${")) {
      return Optional.of(value);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      int start = value.indexOf("${", i);
      if (start < 0) {
        out.append(value, i, value.length());
        break;
      }
      int end = value.indexOf('}', start);
      if (end < 0) {
        out.append(value, i, value.length());
        break;
      }
      out.append(value, i, start);
      String body = value.substring(start + 2, end).trim();
      if (body.equals("*") || body.equals("?") || body.equals("$")) {
        out.append(body);
      } else {
        String key = body;
        Optional<String> fallback = Optional.empty();
        int comma = body.indexOf(',');
        if (comma >= 0) {
          key = body.substring(0, comma).trim();
          String d = body.substring(comma + 1).trim();
          if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
            fallback = Optional.of(d.substring(1, d.length() - 1));
          }
        }
        Optional<List<String>> vals = request.values(key);
        if (vals.isPresent() && vals.get().size() == 1) {
          out.append(vals.get().get(0));
        } else if (fallback.isPresent()) {
          out.append(fallback.get());
        } else {
          return Optional.empty();
        }
      }
      i = end + 1;
    }
    return Optional.of(out.toString());
  }
}
