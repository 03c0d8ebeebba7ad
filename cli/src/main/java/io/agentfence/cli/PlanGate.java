package io.agentfence.cli;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.BaselineParser;
import io.agentfence.check.CheckRunner;
import io.agentfence.checks.Catalogue;
import io.agentfence.finding.ScanReport;
import io.agentfence.inventory.CollectionInfo;
import io.agentfence.inventory.Snapshot;
import io.agentfence.inventory.json.SnapshotJson;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.compare.PreviousFinding;
import io.agentfence.reporters.markdown.MarkdownReporter;
import io.agentfence.terraform.AfterApplyCheck;
import io.agentfence.terraform.IgnoredResource;
import io.agentfence.terraform.PlanEffect;
import io.agentfence.terraform.PlanFormatException;
import io.agentfence.terraform.PlanReader;
import io.agentfence.terraform.ProposedWorld;
import io.agentfence.terraform.TerraformPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code check --terraform-plan}: the proposed world (the base with the plan applied) checked by the
 * catalogue, each rule wrapped so that a verdict resting on a value known only after apply is
 * UNKNOWN and a finding on a planned resource carries its {@code .tf} line; the world before is
 * checked too, to say which findings the plan introduces and which it fixes. Reports, comparison
 * with {@code --previous} and the exit code are those of {@code check}.
 */
final class PlanGate {
  private PlanGate() {}

  static int run(PlanOptions plan, Path inventory, Path baselineFile, Optional<String> account,
      Supplier<Snapshot> live, OutputOptions output, CliIo io) throws IOException {
    List<ReportOutputs.Target> targets = output.targets(io);
    List<PreviousFinding> previous = output.previousFindings();
    Baseline baseline = BaselineParser.parse(baselineFile);
    TerraformPlan tf;
    try {
      tf = PlanReader.read(plan.plan);
    } catch (PlanFormatException e) {
      throw new UserError(e.getMessage(), e);
    }
    Snapshot base = inventory != null ? SnapshotJson.read(inventory) : plan.live ? live.get() : Snapshot.of(
        new CollectionInfo("agentfence", "none", Optional.empty(), Optional.empty(), List.of(), List.of(), false),
        Optional.empty(), List.of(), List.of());
    ProposedWorld world = ProposedWorld.of(tf, base, new ProposedWorld.Options(account, plan.root, plan.repository));
    CheckRunner runner = new CheckRunner(AfterApplyCheck.wrap(Catalogue.all(), world.index()));
    ScanPipeline.rejectUnknownRuleIds(runner, baseline);
    describe(world, io);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ScanReport after = runner.report(world.after(), baseline, today, VersionProvider.version());
    ScanReport before = runner.report(world.before(), baseline, today, VersionProvider.version());
    PlanEffect effect = PlanEffect.of(before, after, world);
    io.err().println("agentfence: the plan introduces " + effect.introduced().size() + " failing finding(s) and fixes "
        + effect.fixed().size());
    Comparison comparison = output.compare(after, previous);
    List<ReportOutputs.Target> withPlan = new ArrayList<>();
    for (ReportOutputs.Target t : targets) {
      withPlan.add(t.reporter() instanceof MarkdownReporter
          ? new ReportOutputs.Target(new MarkdownReporter(effect), t.file()) : t);
    }
    ReportOutputs.write(withPlan, after, comparison, io);
    return output.exitCode(after, comparison);
  }

  private static void describe(ProposedWorld world, CliIo io) {
    long changed = world.planned().stream().filter(p -> p.changed()).count();
    io.err().println("agentfence: terraform plan " + world.plan().source() + " (format " + world.plan().formatVersion()
        + "): " + world.planned().size() + " resource(s) in the model, " + changed + " changed, "
        + world.ignored().size() + " ignored; checking the proposed world (" + world.after().collection().source() + ")");
    for (IgnoredResource i : world.ignored()) {
      io.err().println("agentfence:   ignored " + i.address() + " (" + i.action() + "): " + i.reason());
    }
  }
}
