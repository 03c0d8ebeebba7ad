package io.agentfence.iam;

/**
 * Three-valued result of a condition or a match. UNKNOWN is used only where AWS documents nothing
 * (or contradicts itself): a Deny statement whose result is UNKNOWN is not credited with denying,
 * an Allow statement whose result is UNKNOWN is assumed to grant. Both readings are the
 * conservative ones for a scanner whose question is "can an uncontained request get through?".
 */
public enum Tri {
  TRUE,
  FALSE,
  UNKNOWN;

  public static Tri of(boolean b) {
    return b ? TRUE : FALSE;
  }

  /** Kleene AND: FALSE wins, then UNKNOWN. */
  public Tri and(Tri other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return TRUE;
  }

  /** Kleene OR: TRUE wins, then UNKNOWN. */
  public Tri or(Tri other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return FALSE;
  }

  public Tri not() {
    return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
  }
}
