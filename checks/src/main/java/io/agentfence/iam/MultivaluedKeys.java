package io.agentfence.iam;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Context keys AWS documents as multivalued (ArrayOf…) [D SAR-AC, D MV]. A request that carries
 * zero or several values for any other key is treated as multivalued too.
 */
public final class MultivaluedKeys {
  private static final Set<String> KNOWN = Set.of(
      "bedrock-agentcore:subnets",
      "bedrock-agentcore:securitygroups",
      "aws:tagkeys",
      "aws:calledvia",
      "aws:principalservicenameslist",
      "aws:principalorgpaths",
      "aws:resourceorgpaths");

  private MultivaluedKeys() {}

  public static boolean isMultivalued(String key, List<String> requestValues) {
    return KNOWN.contains(key.toLowerCase(Locale.ROOT)) || requestValues.size() != 1;
  }
}
