package io.agentfence.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code agentfence} root command. Each subcommand is one class; add yours to
 * {@code subcommands} below (one line, any package). Subcommands get the process streams with
 * {@code CliIo.of(spec)} and report bad input by throwing (see {@link Main} for how exceptions
 * become exit code 2) or by returning an {@link ExitCodes} value.
 */
@Command(
    name = "agentfence",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Drift and posture scanner for AWS Bedrock AgentCore containment.",
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  clean: no failing findings at or above --fail-on, scan complete",
        "  1  failing findings at or above --fail-on",
        "  2  usage or configuration error (bad flag, baseline, snapshot or policy)",
        "  3  no failing findings, but part of the scope could not be read"},
    subcommands = {
        io.agentfence.cli.collect.CollectCommand.class,
        io.agentfence.cli.collect.IamPolicyCommand.class,
        io.agentfence.cli.init.InitCommand.class,
        ScanCommand.class,
        CheckCommand.class,
        RulesCommand.class,
        io.agentfence.cli.guardrail.GuardrailCommand.class,
        io.agentfence.cli.schedule.ScheduleCommand.class,
        io.agentfence.cli.schedule.HistoryCommand.class,
        io.agentfence.cli.schedule.DriftCommand.class,
    })
public final class AgentfenceCommand implements Callable<Integer> {
  private final CliIo io;

  @Spec CommandSpec spec;

  public AgentfenceCommand() {
    this(CliIo.system());
  }

  public AgentfenceCommand(CliIo io) {
    this.io = io;
  }

  public CliIo io() {
    return io;
  }

  /** {@code agentfence} without a subcommand: show what exists, and fail as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(io.err());
    return ExitCodes.USAGE;
  }
}
