package io.agentfence.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The process's streams as the commands see them: results go to {@link #out()} (stdout), progress
 * and diagnostics to {@link #err()} (stderr). Tests pass their own streams to {@link Main#run}.
 * Subcommands in any package reach it with {@code CliIo.of(spec)}.
 *
 * @param colour stdout is an interactive terminal that wants ANSI colour (and NO_COLOR is unset)
 */
public record CliIo(OutputStream out, PrintStream err, boolean colour) {
  public static CliIo system() {
    boolean tty = System.console() != null && System.getenv("NO_COLOR") == null;
    return new CliIo(System.out, System.err, tty);
  }

  public static CliIo of(OutputStream out, OutputStream err) {
    return new CliIo(out, new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  /** The streams of the command line that {@code spec} belongs to. */
  public static CliIo of(CommandSpec spec) {
    return ((AgentfenceCommand) spec.root().userObject()).io();
  }
}
