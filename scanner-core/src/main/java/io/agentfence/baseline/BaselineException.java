package io.agentfence.baseline;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A baseline file that cannot be used. Carries every problem found in one pass (not just the first),
 * each rendered as {@code FILE:LINE:COLUMN: problem. fix hint}, one per line of the message.
 * Unchecked like {@code SnapshotFormatException}: callers at the edge (the CLI, the scheduler) catch
 * it and turn it into exit code 2 or a failed job.
 */
public final class BaselineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<BaselineError> errors;

  public BaselineException(List<BaselineError> errors) {
    super(render(errors));
    this.errors = List.copyOf(errors);
  }

  public BaselineException(BaselineError error, Throwable cause) {
    super(error.render(), cause);
    this.errors = List.of(error);
  }

  public List<BaselineError> errors() {
    return errors;
  }

  private static String render(List<BaselineError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a BaselineException needs at least one error");
    }
    return errors.stream().map(BaselineError::render).collect(Collectors.joining("\n"));
  }
}
