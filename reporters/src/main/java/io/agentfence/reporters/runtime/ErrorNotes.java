package io.agentfence.reporters.runtime;

import io.agentfence.inventory.CoverageRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS error texts of the coverage gaps, each printed once as a note ({@code [E1]}) and referred
 * to after. A denied scope repeats one message per operation that differs only in the operation's
 * name ({@code ...not authorized to perform: ec2:DescribeVpcs}); with that name written as
 * {@code <operation>} those become one note, and the gap line names the operation.
 */
public final class ErrorNotes {
  /** One distinct error text. */
  public record Note(String label, String errorCode, String text) {}

  private final Map<String, Note> byKey = new LinkedHashMap<>();
  private final Map<String, String> fullTextToLabel = new LinkedHashMap<>();

  public ErrorNotes(List<CoverageRecord> gaps) {
    for (CoverageRecord c : gaps) {
      if (c.message().isEmpty()) {
        continue;
      }
      String code = c.errorCode().orElse(c.status().name());
      String text = generic(c);
      Note n = byKey.computeIfAbsent(code + "\u0000" + text, k -> new Note("E" + (byKey.size() + 1), code, text));
      fullTextToLabel.putIfAbsent(c.message().get(), n.label());
    }
  }

  public List<Note> notes() {
    return new ArrayList<>(byKey.values());
  }

  /** The label of a gap's error text, e.g. {@code E1}; empty when the gap carries no message. */
  public String labelOf(CoverageRecord c) {
    return c.message().map(m -> fullTextToLabel.getOrDefault(m, "")).orElse("");
  }

  /** {@code text} with every full error text it quotes replaced by its reference, {@code [E1]}. */
  public String refer(String text) {
    String out = text;
    for (Map.Entry<String, String> e : fullTextToLabel.entrySet()) {
      if (e.getKey().length() >= 12) {
        out = out.replace(e.getKey(), "[" + e.getValue() + "]");
      }
    }
    return out;
  }

  /** The message with the failed operation's name (without its service prefix) as {@code <operation>}. */
  static String generic(CoverageRecord c) {
    String msg = c.message().orElse("");
    String op = c.operation().map(o -> o.substring(o.indexOf(':') + 1)).orElse("");
    return op.length() < 4 ? msg : msg.replace(op, "<operation>");
  }
}
