package io.agentfence.reporters.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.BaselineParser;
import io.agentfence.check.CheckRunner;
import io.agentfence.checks.Catalogue;
import io.agentfence.finding.ScanReport;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.fixtures.terraform.PlanFixtures;
import io.agentfence.reporters.JsonSupport;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.terraform.AfterApplyCheck;
import io.agentfence.terraform.PlanReader;
import io.agentfence.terraform.ProposedWorld;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The SARIF of {@code check --terraform-plan} on every plan fixture passes the OASIS schema and the
 * Multitool's GitHub rules (GH1001–GH1007, as {@link SarifMultitoolTest}), and every result on a
 * planned resource is located on a repository-relative {@code .tf} path and line.
 */
class PlanSarifMultitoolTest {
  @Test
  void planSarifPassesGitHubRulesAndPointsAtTfLines(@TempDir Path dir) throws Exception {
    List<Path> files = new ArrayList<>();
    int located = 0;
    for (String fixture : PlanFixtures.FILES.keySet()) {
      Path repo = PlanFixtures.copy(fixture, dir.resolve(fixture));
      ScanReport report = report(fixture, repo);
      Path sarif = new SarifReporter().writeFiles(report, Comparison.none(), dir.resolve(fixture + ".sarif")).get(0);
      assertThat(SarifSchema.validate(Files.readString(sarif))).as(fixture).isEmpty();
      for (JsonNode run : JsonSupport.MAPPER.readTree(sarif.toFile()).path("runs")) {
        for (JsonNode r : run.path("results")) {
          JsonNode facts = r.path("properties").path("facts");
          if (facts.has(AfterApplyCheck.FILE)) {
            JsonNode pl = r.path("locations").path(0).path("physicalLocation");
            assertThat(pl.path("artifactLocation").path("uri").asString()).as(fixture)
                .isEqualTo(facts.path(AfterApplyCheck.FILE).asString()).endsWith(".tf").doesNotStartWith("/");
            assertThat(Files.isRegularFile(repo.resolve(pl.path("artifactLocation").path("uri").asString()))).isTrue();
            assertThat(pl.path("region").path("startLine").asInt()).isEqualTo(facts.path(AfterApplyCheck.LINE).asInt());
            located++;
          }
        }
      }
      files.add(sarif);
    }
    Multitool.Outcome outcome = Multitool.validate(files, SarifMultitoolTest.resource("/sarif/multitool-gh-rules.xml", dir), dir);
    System.out.printf("Multitool %s on %d plan SARIF files (%d results on .tf lines): %d errors, %d warnings%n",
        Multitool.VERSION, files.size(), located, outcome.errors(), outcome.warnings());
    outcome.messages().forEach(m -> System.out.println("  " + m));
    assertThat(outcome.errors()).as(String.join("\n", outcome.messages())).isZero();
    assertThat(located).isGreaterThanOrEqualTo(6);
  }

  private static ScanReport report(String fixture, Path repo) throws Exception {
    String base = PlanFixtures.BASE.getOrDefault(fixture, "contained");
    Baseline baseline = BaselineParser.parse(copy("/scenarios/" + base + "/baseline.yaml", repo.resolve("baseline.yaml")));
    Snapshot snapshot = PlanFixtures.BASE.containsKey(fixture)
        ? SnapshotJson.read(copy("/scenarios/" + base + "/snapshot.json", repo.resolve("snapshot.json")))
        : Snapshot.of(CollectionInfo.empty(), Optional.empty(), List.of(), List.of());
    ProposedWorld world = ProposedWorld.of(PlanReader.read(repo.resolve("plan.json")), snapshot,
        new ProposedWorld.Options(Optional.empty(), repo, repo));
    return new CheckRunner(AfterApplyCheck.wrap(Catalogue.all(), world.index()))
        .report(world.after(), baseline, LocalDate.of(2026, 12, 4), "0.1.0");
  }

  private static Path copy(String resource, Path target) throws Exception {
    try (InputStream in = PlanSarifMultitoolTest.class.getResourceAsStream(resource)) {
      Files.copy(in, target);
    }
    return target;
  }
}
