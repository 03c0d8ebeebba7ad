package io.agentfence.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds files of the repository (docs/, fixtures/) from a module's test run. Surefire runs tests
 * with the module directory as working directory; we walk up to the reactor root (the directory
 * holding both the root pom.xml and docs/) so the same helper works from every module.
 */
public final class RepoFiles {
  private RepoFiles() {}

  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("docs"))
          && Files.isDirectory(p.resolve("scanner-core"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found above " + dir);
  }

  public static Path resolve(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException("missing repository file " + relative + " (looked at " + p + ")");
    }
    return p;
  }
}
