package io.agentfence.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Matches one statement's Action/NotAction, Resource/NotResource and Condition to a request. */
public final class StatementEvaluator {
  private StatementEvaluator() {}

  /**
   * @param ignoreScope when true, Action and Resource are treated as matching, so a caller can ask
   *     "would this statement's conditions have denied the request, were it in scope?"
   */
  public static StatementResult evaluate(Policy policy, Statement s, AccessRequest request, boolean ignoreScope) {
    List<String> notes = new ArrayList<>();
    boolean action = ignoreScope || actionMatches(s, request.action());
    Tri resource = ignoreScope ? Tri.TRUE : resourceMatches(policy, s, request, notes);
    Tri cond = Tri.TRUE;
    String firstFalse = null;
    String firstUnknown = null;
    List<String> trueParts = new ArrayList<>();
    for (Condition c : s.conditions()) {
      ConditionResult r = ConditionEvaluator.evaluate(c, request, policy.variablesEnabled());
      r.note().ifPresent(notes::add);
      cond = cond.and(r.result());
      if (r.result() == Tri.FALSE && firstFalse == null) {
        firstFalse = r.explanation();
      } else if (r.result() == Tri.UNKNOWN && firstUnknown == null) {
        firstUnknown = r.explanation();
      } else if (r.result() == Tri.TRUE) {
        trueParts.add(r.explanation());
      }
    }
    Tri applies = Tri.of(action).and(resource).and(cond);
    String why;
    if (!action) {
      why = s.notAction() ? "the action is excluded by NotAction " + s.actions()
          : "Action " + s.actions() + " does not include " + request.action();
    } else if (resource == Tri.FALSE) {
      why = request.resource().isEmpty()
          ? "Resource " + s.resources() + " is not \"*\", and " + request.action()
              + " has no resource type, so only Resource \"*\" applies"
          : (s.notResource() ? "NotResource " : "Resource ") + s.resources() + " does not cover " + request.resource().get();
    } else if (cond == Tri.FALSE) {
      why = firstFalse;
    } else if (cond == Tri.UNKNOWN || resource == Tri.UNKNOWN) {
      why = firstUnknown != null ? firstUnknown : "whether the resource scope applies is undocumented";
    } else {
      why = s.conditions().isEmpty() ? "it has no condition" : String.join("; and ", trueParts);
    }
    return new StatementResult(policy, s, action, resource, cond, applies, why, notes);
  }

  public static boolean actionMatches(Statement s, String action) {
    boolean listed = s.actions().stream().anyMatch(p -> Wildcards.actionMatches(p, action));
    return s.notAction() ? !listed : listed;
  }

  private static Tri resourceMatches(Policy policy, Statement s, AccessRequest request, List<String> notes) {
    Optional<String> resource = request.resource();
    if (resource.isEmpty()) {
      // No resource type: "you must specify all resources ("*")" [D SAR-AC].
      boolean star = s.resources().contains("*");
      if (!s.notResource()) {
        return Tri.of(star);
      }
      if (star) {
        return Tri.FALSE;
      }
      notes.add("AWS does not document NotResource " + s.resources() + " for " + request.action()
          + ", which has no resource type; statement " + s.label() + " is read conservatively");
      return Tri.UNKNOWN;
    }
    boolean any = false;
    for (String pattern : s.resources()) {
      Optional<String> p = policy.variablesEnabled() ? PolicyVariables.substitute(pattern, request) : Optional.of(pattern);
      // "A Resource that contains a variable with no value will not match any resource" [D VARS].
      if (p.isPresent() && Wildcards.matches(p.get(), resource.get(), false)) {
        any = true;
      }
    }
    return Tri.of(s.notResource() ? !any : any);
  }
}
