package io.agentfence.reporters;

import io.agentfence.finding.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The identity of a finding across runs: SHA-256 of the rule id and the resource's identity (its
 * ARN, plus the optional {@value #KEY_PROPERTY} property a check sets when it reports one resource
 * more than once, e.g. per subnet). Message, evidence, severity and status are deliberately not
 * part of it: they may change while the problem stays the same one, and a dismissed GitHub alert
 * must stay dismissed (it is matched by {@code partialFingerprints.primaryLocationLineHash}).
 */
public final class Fingerprints {
  /** Finding property that distinguishes several findings of one rule on one resource. */
  public static final String KEY_PROPERTY = "fingerprintKey";

  private static final String VERSION = "agentfence/v1";

  private Fingerprints() {}

  /** The 64-hex fingerprint of one finding, ignoring collisions within a report. */
  public static String of(Finding f) {
    String key = f.properties().getOrDefault(KEY_PROPERTY, "");
    return sha256(VERSION + '|' + f.ruleId() + '|' + f.resource().arn() + '|' + key);
  }

  /**
   * Fingerprints for a whole report, in the same order. Two findings with the same identity (a check
   * that forgot {@value #KEY_PROPERTY}) get an ordinal suffix in the report's deterministic order, so
   * that no two results ever share a fingerprint (GitHub would merge them into one alert).
   */
  public static List<String> assign(List<Finding> findings) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      String base = of(f);
      int n = seen.merge(base, 1, Integer::sum);
      out.add(n == 1 ? base : sha256(base + '#' + n));
    }
    return out;
  }

  /** GitHub's {@code primaryLocationLineHash}: CodeQL's {@code <16 hex>:<n>} shape. */
  public static String primaryLocationLineHash(String fingerprint) {
    return fingerprint.substring(0, 16) + ":1";
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
