package io.agentfence.reporters.sarif;

import io.agentfence.finding.ScanReport;
import io.agentfence.reporters.ScenarioReports;
import io.agentfence.reporters.compare.Comparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** SARIF files of every fixture scenario and of our own rule-produced organization. */
final class ScenarioSarif {
  private ScenarioSarif() {}

  static Map<String, ScanReport> reports() throws Exception {
    Map<String, ScanReport> all = new TreeMap<>(ScenarioReports.repoScenarios());
    all.put("synthetic-organization", ScenarioReports.organizationReport(false));
    return all;
  }

  static Map<String, Path> writeAll(Path dir) throws Exception {
    Files.createDirectories(dir);
    Map<String, Path> out = new TreeMap<>();
    for (Map.Entry<String, ScanReport> e : reports().entrySet()) {
      for (Path p : new SarifReporter().writeFiles(e.getValue(), Comparison.none(), dir.resolve(e.getKey() + ".sarif"))) {
        out.put(p.getFileName().toString(), p);
      }
    }
    return out;
  }
}
