package io.agentfence.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request to authorize, as IAM sees it.
 *
 * @param action    e.g. {@code bedrock-agentcore:CreateAgentRuntime}
 * @param resource  the resource ARN; empty when the action has no resource type (then only a
 *                  statement whose Resource is {@code "*"} applies [D SAR-AC])
 * @param context   context keys (lower-cased: key names are case-insensitive [D COND]) to their
 *                  values. A key that is not in the map is ABSENT from the request; a key mapped
 *                  to an empty list is present with an empty set of values.
 */
public record AccessRequest(String action, Optional<String> resource, Map<String, List<String>> context) {
  public AccessRequest {
    if (action == null || action.isBlank()) {
      throw new IllegalArgumentException("action is required");
    }
    resource = resource == null ? Optional.empty() : resource;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    if (context != null) {
      context.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    }
    context = java.util.Collections.unmodifiableMap(copy);
  }

  public static AccessRequest of(String action) {
    return new AccessRequest(action, Optional.empty(), Map.of());
  }

  public AccessRequest onResource(String arn) {
    return new AccessRequest(action, Optional.of(arn), context);
  }

  /** A copy with {@code key} present with these values (an empty array: present, empty set). */
  public AccessRequest with(String key, String... values) {
    Map<String, List<String>> c = new LinkedHashMap<>(context);
    c.put(key.toLowerCase(Locale.ROOT), new ArrayList<>(List.of(values)));
    return new AccessRequest(action, resource, c);
  }

  public AccessRequest withAction(String otherAction) {
    return new AccessRequest(otherAction, resource, context);
  }

  /** The values of a key, or empty when the key is absent from the request. */
  public Optional<List<String>> values(String key) {
    return Optional.ofNullable(context.get(key.toLowerCase(Locale.ROOT)));
  }

  public Optional<String> principalArn() {
    return values("aws:PrincipalArn").filter(v -> v.size() == 1).map(v -> v.get(0));
  }

  public String describe() {
    StringBuilder b = new StringBuilder(action);
    b.append(" on ").append(resource.orElse("* (no resource type)"));
    if (context.isEmpty()) {
      b.append(", no context keys");
    } else {
      context.forEach((k, v) -> b.append(", ").append(k).append('=').append(v));
    }
    return b.toString();
  }
}
