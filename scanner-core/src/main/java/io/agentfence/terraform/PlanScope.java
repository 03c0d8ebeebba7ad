package io.agentfence.terraform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Where a planned resource lives. Region: the resource's own {@code region} argument (AWS provider
 * 6), else its provider configuration's {@code region} (a constant or a root variable). Account:
 * {@code --account}, else the provider's single {@code allowed_account_ids} or the account of its
 * {@code assume_role} ARN, else the account in an ARN among the resource's own values (its role,
 * its image). What none of them says is a placeholder ({@link Placeholders}), never a guess.
 */
final class PlanScope {
  private static final Pattern ARN_ACCOUNT = Pattern.compile("^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12}):");
  private static final Pattern ECR_ACCOUNT = Pattern.compile("^(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com");

  private final Resolver resolver;
  private final Optional<String> account;

  PlanScope(Resolver resolver, Optional<String> account) {
    this.resolver = resolver;
    this.account = account;
  }

  String region(View v) {
    Optional<String> own = v.plain("region");
    if (own.isPresent() && !own.get().isBlank()) {
      return own.get();
    }
    return constant(resolver.config().providerFor(v.change()).path("expressions").path("region"))
        .orElse(Placeholders.UNKNOWN_REGION);
  }

  String account(View v) {
    if (account.isPresent()) {
      return account.get();
    }
    JsonNode exprs = resolver.config().providerFor(v.change()).path("expressions");
    JsonNode allowed = exprs.path("allowed_account_ids").path("constant_value");
    if (allowed.isArray() && allowed.size() == 1) {
      return allowed.get(0).asString();
    }
    JsonNode assume = exprs.path("assume_role");
    Optional<String> role = constant((assume.isArray() ? assume.path(0) : assume).path("role_arn"));
    Optional<String> fromRole = role.flatMap(PlanScope::accountOf);
    if (fromRole.isPresent()) {
      return fromRole.get();
    }
    return accountIn(v.values()).orElse(Placeholders.UNKNOWN_ACCOUNT);
  }

  /** The first account named by an ARN or ECR image URI among a resource's values. */
  static Optional<String> accountIn(JsonNode values) {
    if (values.isString()) {
      return accountOf(values.asString());
    }
    for (JsonNode child : values) {
      Optional<String> a = accountIn(child);
      if (a.isPresent()) {
        return a;
      }
    }
    return Optional.empty();
  }

  static Optional<String> accountOf(String s) {
    Matcher m = ARN_ACCOUNT.matcher(s);
    if (m.find()) {
      return Optional.of(m.group(1));
    }
    Matcher e = ECR_ACCOUNT.matcher(s);
    return e.find() ? Optional.of(e.group(1)) : Optional.empty();
  }

  /** A provider argument that is a constant or a root variable the plan records. */
  private Optional<String> constant(JsonNode expr) {
    JsonNode c = expr.path("constant_value");
    if (c.isString()) {
      return Optional.of(c.asString());
    }
    for (JsonNode ref : expr.path("references")) {
      String r = ref.asString("");
      if (r.startsWith("var.")) {
        Optional<JsonNode> v = resolver.plan().variable(r.substring(4));
        if (v.isPresent() && v.get().isString()) {
          return Optional.of(v.get().asString());
        }
      }
    }
    return Optional.empty();
  }
}
