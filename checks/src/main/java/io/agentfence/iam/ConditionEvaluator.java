package io.agentfence.iam;

import io.agentfence.iam.BaseOperator.Family;
import io.agentfence.iam.ConditionOperator.SetQualifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates one condition triple against a request, following [D OPS], [D MV] and [D MULTI] as
 * summarised in research/iam-semantics.md §2. Where AWS documents nothing, the result is
 * {@link Tri#UNKNOWN} with a note (see {@link Tri} for how UNKNOWN is read).
 */
public final class ConditionEvaluator {
  private ConditionEvaluator() {}

  public static ConditionResult evaluate(Condition c, AccessRequest request, boolean variablesEnabled) {
    ConditionOperator op = c.operator();
    Optional<List<String>> present = request.values(c.key());
    String head = op.name() + " " + c.key();

    if (op.base() == BaseOperator.NULL) {
      return nullCheck(c, present, head);
    }
    if (present.isEmpty()) {
      return absent(c, head);
    }
    List<String> values = present.get();
    List<Optional<String>> policyValues = resolve(c, request, variablesEnabled);

    switch (op.qualifier()) {
      case FOR_ANY_VALUE: {
        // "returns true if any one of the context key values in the request matches" [D MV]
        Tri r = Tri.FALSE;
        List<String> notes = new ArrayList<>();
        for (String v : values) {
          r = r.or(single(op.base(), v, policyValues, notes));
        }
        String why = values.isEmpty()
            ? "false: the key is present with no values (ForAnyValue has no member to match)"
            : r.name().toLowerCase(java.util.Locale.ROOT) + ": " + (r == Tri.TRUE ? "at least one request value " : "no request value ") + "satisfies "
                + op.base().awsName() + " " + values;
        return new ConditionResult(c, r, head + " is " + why, join(notes));
      }
      case FOR_ALL_VALUES: {
        // "returns true if every context key value in the request matches" [D MV]
        Tri r = Tri.TRUE;
        List<String> notes = new ArrayList<>();
        for (String v : values) {
          r = r.and(single(op.base(), v, policyValues, notes));
        }
        String why = values.isEmpty()
            ? "true: the key is present with no values (ForAllValues is true for a null dataset [D OPS])"
            : r.name().toLowerCase(java.util.Locale.ROOT) + ": " + (r == Tri.TRUE ? "every request value " : "not every request value ") + "satisfies "
                + op.base().awsName() + " " + values;
        return new ConditionResult(c, r, head + " is " + why, join(notes));
      }
      default:
        break;
    }
    if (MultivaluedKeys.isMultivalued(c.key(), values)) {
      return new ConditionResult(c, Tri.UNKNOWN,
          head + " is undetermined: a plain operator on a multivalued key " + values,
          Optional.of("AWS does not document a plain (non-set) operator on a multivalued key (" + c.key()
              + " " + values + " under " + op.name() + "); read conservatively: a Deny statement resting on it is not"
              + " credited and an Allow is assumed to grant (iam-semantics.md §2.6)"));
    }
    List<String> notes = new ArrayList<>();
    Tri r = single(op.base(), values.get(0), policyValues, notes);
    return new ConditionResult(c, r, head + " is " + r.name().toLowerCase(java.util.Locale.ROOT)
        + " for request value \"" + values.get(0) + "\"", join(notes));
  }

  /** [D OPS] "Null": "true" means the key is absent, "false" that it is present. Values are ORed. */
  private static ConditionResult nullCheck(Condition c, Optional<List<String>> present, String head) {
    if (present.isPresent() && present.get().isEmpty()) {
      return new ConditionResult(c, Tri.UNKNOWN, head + " is undetermined: the key is present with an empty set",
          Optional.of("AWS does not document Null on a key present with an empty set of values (" + c.key()
              + "); read conservatively (iam-semantics.md §2.5)"));
    }
    boolean absent = present.isEmpty();
    boolean r = false;
    for (String v : c.values()) {
      r |= Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)) == absent;
    }
    return new ConditionResult(c, Tri.of(r), head + " is " + r + ": the key is " + (absent ? "absent" : "present"),
        Optional.empty());
  }

  /** [D OPS] absent-key rule, IfExists, and [D MV] set operators with an absent key. */
  private static ConditionResult absent(Condition c, String head) {
    ConditionOperator op = c.operator();
    if (op.ifExists()) {
      Optional<String> note = op.qualifier() == SetQualifier.NONE ? Optional.empty()
          : Optional.of("AWS documents no example of a set operator with IfExists on an absent key (" + op.name()
              + " " + c.key() + "); read by the IfExists rule as true (iam-semantics.md §2.5)");
      return new ConditionResult(c, Tri.TRUE,
          head + " is true: the key is absent and …IfExists evaluates an absent key as true [D OPS]", note);
    }
    switch (op.qualifier()) {
      case FOR_ANY_VALUE:
        return new ConditionResult(c, Tri.FALSE,
            head + " is false: the key is absent (ForAnyValue is false when the key does not exist [D MV])",
            Optional.empty());
      case FOR_ALL_VALUES:
        if (op.base().negated()) {
          return new ConditionResult(c, Tri.UNKNOWN,
              head + " is undetermined: the key is absent and AWS documents contradict each other",
              Optional.of("AWS documents contradict each other on " + op.name() + " with an absent key ("
                  + c.key() + "): the general rule says true, one example table says no match; read"
                  + " conservatively (iam-semantics.md §2.4)"));
        }
        return new ConditionResult(c, Tri.TRUE,
            head + " is true: the key is absent (ForAllValues is true when there are no context keys [D MV])",
            Optional.empty());
      default:
        if (op.base().negated()) {
          return new ConditionResult(c, Tri.TRUE,
              head + " is true: the key is absent and a negated operator matches an absent key [D OPS]",
              Optional.empty());
        }
        return new ConditionResult(c, Tri.FALSE,
            head + " is false: the key is absent from the request [D OPS]", Optional.empty());
    }
  }

  /**
   * One request value against the policy values: positive operators OR over policy values,
   * negated operators NOR [D MULTI]. An empty optional is a policy variable with no value: it
   * matches nothing, so a negated operator still "matches against a null value" [D VARS].
   */
  private static Tri single(BaseOperator base, String v, List<Optional<String>> policyValues, List<String> notes) {
    Tri any = Tri.FALSE;
    for (Optional<String> pv : policyValues) {
      if (pv.isEmpty()) {
        continue;
      }
      any = any.or(positiveMatch(base, v, pv.get(), notes));
    }
    return base.negated() ? any.not() : any;
  }

  private static Tri positiveMatch(BaseOperator base, String v, String p, List<String> notes) {
    switch (base) {
      case STRING_EQUALS:
      case STRING_NOT_EQUALS:
        return Tri.of(v.equals(p));
      case STRING_EQUALS_IGNORE_CASE:
      case STRING_NOT_EQUALS_IGNORE_CASE:
        return Tri.of(v.equalsIgnoreCase(p));
      case STRING_LIKE:
      case STRING_NOT_LIKE:
        return Tri.of(Wildcards.matches(p, v, false));
      case ARN_EQUALS:
      case ARN_LIKE:
      case ARN_NOT_EQUALS:
      case ARN_NOT_LIKE:
        return Tri.of(Wildcards.arnMatches(p, v));
      case BOOL:
        return Tri.of(v.equalsIgnoreCase(p));
      case BINARY_EQUALS:
        return Tri.of(v.equals(p));
      default:
        break;
    }
    if (base.family() == Family.NUMERIC) {
      Optional<BigDecimal> a = ValueParsers.number(v);
      if (a.isEmpty()) {
        notes.add("request value \"" + v + "\" is not a number for " + base.awsName());
        return Tri.UNKNOWN;
      }
      int cmp = a.get().compareTo(ValueParsers.number(p).orElseThrow());
      return Tri.of(compare(base.awsName(), cmp));
    }
    if (base.family() == Family.DATE) {
      Optional<Instant> a = ValueParsers.date(v);
      if (a.isEmpty()) {
        notes.add("request value \"" + v + "\" is not a date for " + base.awsName());
        return Tri.UNKNOWN;
      }
      int cmp = a.get().compareTo(ValueParsers.date(p).orElseThrow());
      return Tri.of(compare(base.awsName(), cmp));
    }
    if (base.family() == Family.IP) {
      Optional<byte[]> ip = ValueParsers.ip(v);
      if (ip.isEmpty()) {
        notes.add("request value \"" + v + "\" is not an IP address for " + base.awsName());
        return Tri.UNKNOWN;
      }
      return Tri.of(ValueParsers.cidr(p).orElseThrow().contains(ip.get()));
    }
    throw new IllegalStateException("unhandled operator " + base);
  }

  /** For Numeric/Date: the positive sense of the comparison (NotEquals is negated by the caller). */
  private static boolean compare(String name, int cmp) {
    if (name.endsWith("GreaterThanEquals")) {
      return cmp >= 0;
    }
    if (name.endsWith("GreaterThan")) {
      return cmp > 0;
    }
    if (name.endsWith("LessThanEquals")) {
      return cmp <= 0;
    }
    if (name.endsWith("LessThan")) {
      return cmp < 0;
    }
    return cmp == 0;
  }

  private static List<Optional<String>> resolve(Condition c, AccessRequest request, boolean variablesEnabled) {
    List<Optional<String>> out = new ArrayList<>();
    Family f = c.operator().base().family();
    boolean substitute = variablesEnabled && (f == Family.STRING || f == Family.ARN);
    for (String v : c.values()) {
      out.add(substitute ? PolicyVariables.substitute(v, request) : Optional.of(v));
    }
    return out;
  }

  private static Optional<String> join(List<String> notes) {
    return notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes));
  }
}
