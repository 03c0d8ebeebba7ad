package io.agentfence.cli;

import io.agentfence.check.RuleMetadata;
import io.agentfence.checks.Catalogue;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code agentfence rules}: the rule catalogue with its metadata. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "List every rule with its id, severity, area and VCA control (JSON: full metadata).")
public final class RulesCommand implements Callable<Integer> {
  enum Format { TABLE, JSON }

  @Spec CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    CliIo io = CliIo.of(spec);
    List<RuleMetadata> rules = Catalogue.runner().rules();
    if (format == Format.JSON) {
      JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
      io.out().write(mapper.writeValueAsBytes(new RulesDocument(rules)));
      io.out().write('\n');
    } else {
      PrintStream out = new PrintStream(io.out(), false, StandardCharsets.UTF_8);
      table(rules, out);
      out.flush();
    }
    io.out().flush();
    return ExitCodes.CLEAN;
  }

  /** The JSON form: {@code {"rules": [...]}} so fields can be added without breaking scripts. */
  record RulesDocument(List<RuleMetadata> rules) {}

  static void table(List<RuleMetadata> rules, PrintStream out) {
    int idW = width(rules.stream().map(RuleMetadata::id).toList(), "ID");
    int areaW = width(rules.stream().map(r -> r.area().name()).toList(), "AREA");
    String fmt = "%-" + idW + "s  %-8s  %-" + areaW + "s  %s%n";
    out.printf(fmt, "ID", "SEVERITY", "AREA", "NAME");
    for (RuleMetadata r : rules) {
      out.printf(fmt, r.id(), r.severity().name().toLowerCase(java.util.Locale.ROOT), r.area().name(), r.name());
    }
    out.printf("%d rules%n", rules.size());
  }

  private static int width(List<String> values, String header) {
    return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
  }
}
