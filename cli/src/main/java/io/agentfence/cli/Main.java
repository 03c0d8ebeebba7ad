package io.agentfence.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the runnable jar and {@code bin/agentfence}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(CliIo.system(), args);
    System.out.flush();
    System.exit(code);
  }

  /** Runs the command line on the process streams and returns the exit code. */
  public static int run(String... args) {
    return run(CliIo.system(), args);
  }

  /** Runs the command line writing to the given streams (tests capture stdout and stderr so). */
  public static int run(OutputStream out, OutputStream err, String... args) {
    return run(CliIo.of(out, err), args);
  }

  public static int run(CliIo io, String... args) {
    CommandLine cli = commandLine(io);
    int code = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    io.err().flush();
    return code;
  }

  /** The configured command line: streams, case-insensitive enums, errors as exit code 2. */
  public static CommandLine commandLine(CliIo io) {
    CommandLine cli = new CommandLine(new AgentfenceCommand(io));
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(Errors::onParameterException);
    cli.setExecutionExceptionHandler(Errors::onExecutionException);
    return cli;
  }
}
