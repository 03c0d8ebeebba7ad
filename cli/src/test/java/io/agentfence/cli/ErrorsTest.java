package io.agentfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/**
 * The shared error path every command's exceptions go through: each class of failure becomes one
 * line naming the file, never a stack trace.
 */
class ErrorsTest {
  @Test
  void fileErrorsNameTheFileEvenWhenWrappedInUncheckedIo() {
    assertThat(Errors.message(new UncheckedIOException(new NoSuchFileException("a/b.json"))))
        .isEqualTo("a/b.json: no such file");
    assertThat(Errors.message(new AccessDeniedException("secret.yaml"))).isEqualTo("secret.yaml: permission denied");
    assertThat(Errors.message(new IOException("disk full"))).isEqualTo("agentfence: I/O error: disk full");
  }

  @Test
  void userErrorIsShownAsIsAndAnythingElseIsAnInternalErrorOnOneLine() {
    assertThat(Errors.message(new UserError("x.json: bad"))).isEqualTo("x.json: bad");
    String internal = Errors.message(new IllegalStateException("boom"));
    assertThat(internal).startsWith("agentfence: internal error: java.lang.IllegalStateException: boom")
        .contains("AGENTFENCE_DEBUG=1").doesNotContain("\n");
  }
}
