package io.agentfence.iam;

import java.util.Optional;

/**
 * A condition operator as written in a policy: optional set qualifier ({@code ForAnyValue:} /
 * {@code ForAllValues:} [D MV]), a base operator, and an optional {@code IfExists} suffix (any
 * operator but Null [D OPS]).
 */
public record ConditionOperator(String name, SetQualifier qualifier, BaseOperator base, boolean ifExists) {

  /** How a condition treats a multivalued request key [D MV]. */
  public enum SetQualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

  /** Parses an operator name; empty when it is not an IAM operator. */
  public static Optional<ConditionOperator> parse(String name) {
    String rest = name;
    SetQualifier q = SetQualifier.NONE;
    if (rest.startsWith("ForAnyValue:")) {
      q = SetQualifier.FOR_ANY_VALUE;
      rest = rest.substring("ForAnyValue:".length());
    } else if (rest.startsWith("ForAllValues:")) {
      q = SetQualifier.FOR_ALL_VALUES;
      rest = rest.substring("ForAllValues:".length());
    }
    boolean ifExists = false;
    Optional<BaseOperator> base = BaseOperator.byName(rest);
    if (base.isEmpty() && rest.endsWith("IfExists")) {
      ifExists = true;
      base = BaseOperator.byName(rest.substring(0, rest.length() - "IfExists".length()));
    }
    if (base.isEmpty()) {
      return Optional.empty();
    }
    if (base.get() == BaseOperator.NULL && (ifExists || q != SetQualifier.NONE)) {
      // [D OPS]: IfExists applies to "any condition operator … except the Null condition".
      return Optional.empty();
    }
    return Optional.of(new ConditionOperator(name, q, base.get(), ifExists));
  }

  /** A suggestion for a name that did not parse, e.g. "StringEquals" for "StringEqual". */
  public static Optional<String> suggestion(String name) {
    String prefix = "";
    String rest = name;
    int colon = name.indexOf(':');
    if (colon >= 0) {
      String q = name.substring(0, colon);
      prefix = q.equalsIgnoreCase("ForAnyValue") ? "ForAnyValue:"
          : q.equalsIgnoreCase("ForAllValues") ? "ForAllValues:" : q + ":";
      rest = name.substring(colon + 1);
    }
    String suffix = "";
    if (rest.toLowerCase(java.util.Locale.ROOT).endsWith("ifexists")) {
      suffix = "IfExists";
      rest = rest.substring(0, rest.length() - "IfExists".length());
    }
    if (rest.equalsIgnoreCase("Null") && (!suffix.isEmpty() || !prefix.isEmpty())) {
      return Optional.of("Null (it takes neither IfExists nor a set qualifier)");
    }
    final String p = prefix;
    final String s = suffix;
    return BaseOperator.closest(rest).map(op -> p + op.awsName() + s);
  }
}
