package io.agentfence.reporters;

import io.agentfence.reporters.html.HtmlReporter;
import io.agentfence.reporters.json.JsonReporter;
import io.agentfence.reporters.markdown.MarkdownReporter;
import io.agentfence.reporters.ocsf.OcsfReporter;
import io.agentfence.reporters.sarif.SarifReporter;
import io.agentfence.reporters.table.TableReporter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The output formats by {@code --format} name. */
public final class Reporters {
  private Reporters() {}

  /** Every format, plain (no colour); {@code --format} names in this order. */
  public static List<Reporter> all() {
    return all(false);
  }

  /**
   * Every format. {@code colour} is whether the caller's destination is a terminal that wants ANSI
   * colour (the CLI decides; reporters never probe the console themselves).
   */
  public static List<Reporter> all(boolean colour) {
    return all(colour, false);
  }

  /** Every format; {@code verbose} makes the terminal view print every evidence chain. */
  public static List<Reporter> all(boolean colour, boolean verbose) {
    return List.of(new TableReporter(colour, verbose), new JsonReporter(), new SarifReporter(), new MarkdownReporter(),
        new HtmlReporter(), new OcsfReporter());
  }

  public static Optional<Reporter> forFormat(String name) {
    return forFormat(name, false);
  }

  public static Optional<Reporter> forFormat(String name, boolean colour) {
    return forFormat(name, colour, false);
  }

  public static Optional<Reporter> forFormat(String name, boolean colour, boolean verbose) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    return all(colour, verbose).stream().filter(r -> r.format().equals(n)).findFirst();
  }

  /** The format names, for help texts and error messages. */
  public static List<String> formatNames() {
    return all().stream().map(Reporter::format).toList();
  }
}
