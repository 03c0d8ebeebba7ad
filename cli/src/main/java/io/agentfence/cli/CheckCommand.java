package io.agentfence.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentfence check}: evaluate a saved inventory snapshot against a baseline (no AWS calls). */
@Command(name = "check", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Check an inventory snapshot (from 'agentfence collect') against a baseline file.")
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "FILE",
      description = "Inventory snapshot (JSON, format v1; see docs/snapshot-format.md).")
  Path inventory;

  @Option(names = {"-b", "--baseline"}, required = true, paramLabel = "FILE",
      description = "Baseline (agentfence.yaml; see docs/baseline.md).")
  Path baseline;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    return new ScanPipeline().run(new FileSource(inventory, baseline), output, CliIo.of(spec));
  }
}
