package io.agentfence.reporters.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.finding.ScanReport;
import io.agentfence.reporters.SampleReports;
import io.agentfence.reporters.compare.Comparison;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub ingestion check with the Microsoft SARIF Multitool 5.7.0, rule kinds {@code Sarif;Ghas}
 * plus GH1001–GH1007 (sarif.md §3). Fetches the Multitool with npm on first run (cached under
 * ~/.cache/agentfence-tools); fails, never skips, when npm is missing.
 */
class SarifMultitoolTest {
  static Path resource(String name, Path dir) throws Exception {
    Path p = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
    try (InputStream in = SarifMultitoolTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
    }
    return p;
  }

  static Path write(ScanReport report, Comparison c, Path dir, String name) throws Exception {
    return new SarifReporter().writeFiles(report, c, dir.resolve(name)).get(0);
  }

  @Test
  void ourSarifHasZeroMultitoolErrors(@TempDir Path dir) throws Exception {
    Path rules = resource("/sarif/multitool-gh-rules.xml", dir);
    List<Path> files = new ArrayList<>();
    files.add(write(SampleReports.report(), Comparison.none(), dir, "rich.sarif"));
    files.add(write(SampleReports.report(), SampleReports.withPrevious(), dir, "compared.sarif"));
    files.add(write(SampleReports.clean(), Comparison.none(), dir, "clean.sarif"));
    Map<String, Path> scenarios = ScenarioSarif.writeAll(dir.resolve("scenarios"));
    files.addAll(scenarios.values());
    Multitool.Outcome outcome = Multitool.validate(files, rules, dir);
    System.out.printf("Multitool %s on %d SARIF files (%d from rule output): %d errors, %d warnings, %d notes%n",
        Multitool.VERSION, files.size(), scenarios.size(), outcome.errors(), outcome.warnings(), outcome.notes());
    outcome.messages().forEach(m -> System.out.println("  " + m));
    assertThat(outcome.errors()).as(String.join("\n", outcome.messages())).isZero();
  }

  @Test
  void multitoolRejectsALogicalOnlyLocation(@TempDir Path dir) throws Exception {
    // Negative control: proves the counting catches what GitHub rejects (no physical location).
    Path rules = resource("/sarif/multitool-gh-rules.xml", dir);
    Path bad = resource("/sarif/cloud-finding-logical-only.sarif", dir);
    Multitool.Outcome outcome = Multitool.validate(List.of(bad), rules, dir);
    assertThat(outcome.errors()).isPositive();
  }
}
