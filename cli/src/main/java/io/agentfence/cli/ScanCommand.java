package io.agentfence.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentfence scan}: collect (or load the demo organization), check, report, gate. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Scan an organization against the baseline and report findings.",
        "With --demo, scans the bundled demo organization (4 accounts, 2 regions; no AWS credentials"
            + " needed)."})
public final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--demo", description = "Scan the bundled demo organization instead of AWS.")
  boolean demo;

  @Mixin OutputOptions output;

  @Mixin io.agentfence.cli.collect.TargetOptions targets;

  @Mixin io.agentfence.cli.collect.WarmOptions warm;

  @Option(names = {"-b", "--baseline"}, paramLabel = "FILE",
      description = "Baseline (agentfence.yaml) for a live scan; the demo brings its own.")
  java.nio.file.Path baseline;

  @Override
  public Integer call() throws Exception {
    CliIo io = CliIo.of(spec);
    if (!demo) {
      return new ScanPipeline().run(new io.agentfence.cli.collect.LiveSource(targets, warm, baseline, io), output,
          io);
    }
    return new ScanPipeline().run(() -> new DemoSource(io.err(), warm.reuse(io.err())).load(), output, io);
  }
}
