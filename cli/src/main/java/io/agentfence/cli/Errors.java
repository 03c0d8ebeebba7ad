package io.agentfence.cli;

import io.agentfence.baseline.BaselineException;
import io.agentfence.inventory.json.SnapshotFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into a clear message on stderr and exit code 2 — never a stack trace (the user's
 * standard). Configuration errors already carry file, location and fix in their message; an
 * unexpected exception says so, and shows its stack trace only with {@code AGENTFENCE_DEBUG=1}.
 */
final class Errors {
  private Errors() {}

  static int onParameterException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandName().equals("agentfence") ? "agentfence: " + ex.getMessage()
        : "agentfence " + cmd.getCommandName() + ": " + ex.getMessage()
            + " (see 'agentfence " + cmd.getCommandName() + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }

  static int onExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    err.println(message(ex));
    if (!(ex instanceof UserError) && !isConfig(ex) && System.getenv("AGENTFENCE_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  /** The one message the user sees for {@code ex}. */
  static String message(Throwable ex) {
    if (ex instanceof BaselineException || ex instanceof SnapshotFormatException || ex instanceof UserError) {
      return ex.getMessage();
    }
    if (ex instanceof UncheckedIOException && ex.getCause() != null) {
      return message(ex.getCause());
    }
    if (ex instanceof NoSuchFileException) {
      return ((NoSuchFileException) ex).getFile() + ": no such file";
    }
    if (ex instanceof AccessDeniedException) {
      return ((AccessDeniedException) ex).getFile() + ": permission denied";
    }
    if (ex instanceof IOException) {
      return "agentfence: I/O error: " + ex.getMessage();
    }
    return "agentfence: internal error: " + ex
        + " (please report it; set AGENTFENCE_DEBUG=1 to see the stack trace)";
  }

  private static boolean isConfig(Throwable ex) {
    return ex instanceof BaselineException || ex instanceof SnapshotFormatException
        || ex instanceof IOException || ex instanceof UncheckedIOException;
  }
}
