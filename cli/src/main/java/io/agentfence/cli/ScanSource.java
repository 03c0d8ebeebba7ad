package io.agentfence.cli;

import java.io.IOException;

/**
 * Where a scan's snapshot and baseline come from: files ({@code check}), the demo organization
 * ({@code scan --demo}), or live collection. Throws on bad input (BaselineException,
 * SnapshotFormatException, UserError, IOException), which the CLI turns into exit code 2.
 */
@FunctionalInterface
public interface ScanSource {
  ScanInput load() throws IOException;
}
