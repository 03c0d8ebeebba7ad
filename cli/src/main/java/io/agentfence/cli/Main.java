package io.agentfence.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar and {@code bin/agentfence}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this rather than main). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new AgentfenceCommand());
    cli.setExitCodeExceptionMapper(t -> ExitCodes.USAGE);
    return cli.execute(args);
  }
}
