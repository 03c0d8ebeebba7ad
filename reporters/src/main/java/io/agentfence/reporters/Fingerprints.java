package io.agentfence.reporters;

import io.agentfence.finding.Finding;
import io.agentfence.finding.ScanReport;
import java.lang.ref.WeakReference;
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
  private static final HexFormat HEX = HexFormat.of();
  /** MessageDigest.getInstance looks the provider up at every call; a digest per thread is reused. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  });

  /**
   * The last report's fingerprints, by identity of its findings list: the JSON and SARIF reporters,
   * the comparison and the gate all ask for the same report's (a million SHA-256 each at 100,000
   * runtimes). One slot, replaced as a whole, so readers on any thread see a consistent pair. The
   * findings are referenced weakly: the cache never keeps a report alive (the scheduler is a
   * long-running process); only the fingerprint strings of the last report stay until the next.
   */
  private record Assigned(WeakReference<List<Finding>> findings, List<String> fingerprints) {}

  private static volatile Assigned last = new Assigned(new WeakReference<>(null), List.of());

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
    return List.copyOf(out);
  }

  /**
   * {@link #assign(List)} for a report's findings, remembered for the last report: its findings
   * list is immutable, so the same list is the same findings.
   */
  public static List<String> assign(ScanReport report) {
    List<Finding> findings = report.findings();
    Assigned known = last;
    if (known.findings().get() == findings) {
      return known.fingerprints();
    }
    List<String> fps = assign(findings);
    last = new Assigned(new WeakReference<>(findings), fps);
    return fps;
  }

  /** GitHub's {@code primaryLocationLineHash}: CodeQL's {@code <16 hex>:<n>} shape. */
  public static String primaryLocationLineHash(String fingerprint) {
    return fingerprint.substring(0, 16) + ":1";
  }

  static String sha256(String s) {
    return HEX.formatHex(SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
