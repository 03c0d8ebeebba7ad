package io.agentfence.reporters.runtime;

import io.agentfence.finding.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fragment of a runtime's map in the HTML report ({@code agentfence.html#rt-…}): derived from
 * its ARN, so a link from another report (Markdown, the nightly service's index) stays valid and
 * names nothing attacker-controlled.
 */
public final class Anchors {
  private Anchors() {}

  public static String of(ResourceRef runtime) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(runtime.arn().getBytes(StandardCharsets.UTF_8));
      return "rt-" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
