package io.agentfence.baseline;

/**
 * One problem in a baseline file, with the place it was found and how to fix it.
 *
 * @param source  the file (as given by the caller)
 * @param line    1-based line
 * @param column  1-based column
 * @param problem what is wrong, e.g. "unknown key 'acounts' in landing zone"
 * @param hint    how to fix it, e.g. "did you mean 'accounts'?"
 */
public record BaselineError(String source, int line, int column, String problem, String hint) {
  public BaselineError {
    source = source == null ? "<baseline>" : source;
    problem = problem == null ? "" : problem;
    hint = hint == null ? "" : hint;
  }

  /** {@code FILE:LINE:COLUMN: problem. fix hint} — the form editors and CI logs can jump to. */
  public String render() {
    StringBuilder b = new StringBuilder().append(source).append(':').append(line).append(':')
        .append(column).append(": ").append(problem);
    if (!hint.isEmpty()) {
      b.append(". ").append(hint);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
