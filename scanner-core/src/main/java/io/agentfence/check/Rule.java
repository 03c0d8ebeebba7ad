package io.agentfence.check;

import io.agentfence.finding.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Metadata of a rule, on the class that implements it (as Error Prone's {@code @BugPattern}). Ids
 * are stable once shipped: SARIF fingerprints, suppressions and history depend on them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Rule {
  /** Stable id, e.g. {@code AF-NET-001}. */
  String id();

  /** Short name, e.g. "Runtime in PUBLIC network mode". */
  String name();

  RuleArea area();

  Severity severity();

  /** The VCA control the rule enforces, e.g. "VCA-1 runtime in customer VPC". */
  String control();

  /** One sentence: what the rule checks. */
  String summary();

  /** Why it matters: the risk when it fails. */
  String rationale();

  String remediationConsole();

  String remediationCli();

  String remediationTerraform();

  /** Documentation URLs backing the rule. */
  String[] references() default {};
}
