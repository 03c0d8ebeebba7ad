package io.agentfence.cli.guardrail;

import io.agentfence.cli.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --context KEY=V1,V2}: the key is present with those values; {@code --context KEY=} is
 * present with an empty set; a key never named is absent from the request.
 */
final class ContextOption {
  private ContextOption() {}

  static Map<String, List<String>> parse(List<String> options) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String opt : options) {
      int eq = opt.indexOf('=');
      if (eq <= 0) {
        throw new UserError("bad --context '" + opt + "': expected KEY=V1,V2 (KEY= for an empty set; leave a key out"
            + " to make it absent)");
      }
      String key = opt.substring(0, eq).trim();
      if (!key.matches("[A-Za-z0-9-]+:[^\\s=]+")) {
        throw new UserError("bad --context '" + opt + "': '" + key + "' is not a condition key; write it with its"
            + " prefix, e.g. bedrock-agentcore:subnets or aws:PrincipalArn");
      }
      String rest = opt.substring(eq + 1);
      List<String> values = new ArrayList<>();
      if (!rest.isEmpty()) {
        for (String v : rest.split(",", -1)) {
          if (v.trim().isEmpty()) {
            throw new UserError("bad --context '" + opt + "': empty value in the list; separate values with single commas");
          }
          values.add(v.trim());
        }
      }
      if (out.put(key.toLowerCase(Locale.ROOT), values) != null) {
        throw new UserError("bad --context '" + opt + "': key " + key + " is given twice; list all values in one"
            + " --context " + key + "=V1,V2");
      }
    }
    return out;
  }
}
