package io.agentfence.checks.guardrail;

import io.agentfence.iam.AccessRequest;

/**
 * A request a guardrail is judged on, and what must happen to it.
 *
 * @param id    stable id, e.g. {@code public-create}
 * @param title what the request is, for tables and messages
 */
public record Scenario(String id, String title, AccessRequest request, Expectation expectation) {

  /** What the guardrail must do with the scenario's request. */
  public enum Expectation {
    /** An uncontained create/update: the guardrail must deny it. */
    MUST_DENY,
    /** A contained deployment: denying it breaks deployments. */
    MUST_ALLOW,
    /** Either outcome is defensible; reported as information (cost of a design choice). */
    INFO
  }
}
