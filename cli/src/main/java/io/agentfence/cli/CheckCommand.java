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
    description = {"Check an inventory snapshot (from 'agentfence collect') against a baseline file.",
        "With --terraform-plan, check the world a Terraform plan proposes, before apply."})
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--inventory"}, paramLabel = "FILE",
      description = "Inventory snapshot (JSON, format v1; see docs/snapshot-format.md). Required unless"
          + " --terraform-plan is given, where it is the world the plan is applied over.")
  Path inventory;

  @Mixin PlanOptions plan;

  @Mixin io.agentfence.cli.collect.TargetOptions targets;

  @Option(names = {"-b", "--baseline"}, required = true, paramLabel = "FILE",
      description = "Baseline (agentfence.yaml; see docs/baseline.md).")
  Path baseline;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    CliIo io = CliIo.of(spec);
    if (!plan.active()) {
      if (inventory == null) {
        throw new UserError("agentfence check: --inventory FILE is required (or --terraform-plan FILE to check a plan)");
      }
      if (plan.live) {
        throw new UserError("agentfence check: --live needs --terraform-plan FILE (use 'agentfence scan' to scan live)");
      }
      return new ScanPipeline().run(new FileSource(inventory, baseline), output, io);
    }
    if (inventory != null && plan.live) {
      throw new UserError("agentfence check: give either --inventory FILE or --live as the world the plan applies to, not both");
    }
    targets.problem().ifPresent(p -> {
      throw new UserError("agentfence check: " + p);
    });
    // One --account names the planned resources' account (and, with --live, the account scanned).
    java.util.Optional<String> account = targets.accounts().size() == 1
        ? java.util.Optional.of(targets.accounts().get(0)) : java.util.Optional.empty();
    return PlanGate.run(plan, inventory, baseline, account,
        () -> new io.agentfence.cli.collect.LiveSource(targets, new io.agentfence.cli.collect.WarmOptions(), baseline, io)
            .load().snapshot(), output, io);
  }
}
