package io.agentfence.reporters.sarif;

import io.agentfence.finding.ResourceRef;
import java.nio.charset.StandardCharsets;

/**
 * The synthetic, stable, relative path a cloud resource gets as its SARIF
 * {@code physicalLocation.artifactLocation.uri}: {@code aws/<account>/<region>/<kind>/<id>}.
 *
 * <p>GitHub rejects a whole upload when any result lacks a physical location, and the raw ARN
 * would parse as an absolute URI with scheme {@code arn} (research: sarif.md §2.2, §2.4). The path
 * must never change for the same resource, or GitHub closes the alert and opens a new one. Each
 * segment is percent-encoded (RFC 3986 unreserved characters kept), so ids with {@code /}, spaces
 * or {@code :} stay one valid segment. Organization-level resources with no account use
 * {@value #NO_ACCOUNT}.
 */
public final class ResourcePaths {
  public static final String NO_ACCOUNT = "organization";

  private ResourcePaths() {}

  public static String of(ResourceRef r) {
    return of(r.accountId(), r.region(), r.kind(), r.id());
  }

  public static String of(String accountId, String region, String kind, String id) {
    return "aws/" + segment(accountId.isEmpty() ? NO_ACCOUNT : accountId) + '/' + segment(region) + '/'
        + segment(kind) + '/' + segment(id);
  }

  static String segment(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    String out = b.toString();
    // "." and ".." would be resolved away as path segments; keep the segment literal.
    return out.equals(".") || out.equals("..") ? out.replace(".", "%2E") : out.isEmpty() ? "_" : out;
  }
}
