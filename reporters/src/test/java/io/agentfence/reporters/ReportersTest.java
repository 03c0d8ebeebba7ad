package io.agentfence.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.reporters.table.TableReporter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportersTest {
  @Test
  void everyFormatByNameCaseInsensitive() {
    assertThat(Reporters.formatNames()).containsExactly("table", "json", "sarif", "markdown", "html", "ocsf");
    for (String name : Reporters.formatNames()) {
      assertThat(Reporters.forFormat(" " + name.toUpperCase() + " ")).hasValueSatisfying(r -> assertThat(r.format()).isEqualTo(name));
    }
    assertThat(Reporters.forFormat("xml")).isEmpty();
    assertThat(Reporters.forFormat(null)).isEmpty();
    assertThat(Reporters.all()).extracting(Reporter::defaultFileName)
        .containsExactly("agentfence.txt", "agentfence.json", "agentfence.sarif", "agentfence.md",
            "agentfence.html", "agentfence.ocsf.json");
  }

  @Test
  void colourIsPassedThroughToTheTable() throws Exception {
    Reporter plain = Reporters.forFormat("table", false).orElseThrow();
    Reporter colour = Reporters.forFormat("table", true).orElseThrow();
    assertThat(colour).isInstanceOf(TableReporter.class);
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    plain.write(SampleReports.report(), a);
    colour.write(SampleReports.report(), b);
    assertThat(a.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b[");
    assertThat(b.toString(StandardCharsets.UTF_8)).contains("\u001b[");
  }
}
