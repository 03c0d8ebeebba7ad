package io.agentfence.reporters.sarif;

/**
 * GitHub code scanning's upload limits (docs: "SARIF support for code scanning" and
 * "sarif-limits"; research: sarif.md §2.6). A file beyond any of them is rejected as a whole.
 */
public final class SarifLimits {
  private SarifLimits() {}

  public static final int RESULTS_PER_RUN = 25_000;
  public static final int RULES_PER_RUN = 25_000;
  public static final int RUNS_PER_FILE = 20;
  /** 10 MB gzip-compressed per file; we keep a margin below it for the log envelope. */
  public static final long GZIPPED_BYTES_PER_FILE = 10L * 1024 * 1024 - 64 * 1024;
  /** Tags per rule: GitHub accepts 20 and shows 10. */
  public static final int TAGS_PER_RULE = 10;
  /** shortDescription / fullDescription length GitHub accepts. */
  public static final int DESCRIPTION_CHARS = 1024;
}
