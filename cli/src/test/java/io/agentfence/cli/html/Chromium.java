package io.agentfence.cli.html;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's package) driven through its command line: {@code --dump-dom} for the
 * DOM after scripts ran, {@code --screenshot} for a picture; console messages (including CSP
 * violations) come from its log on stderr as {@code :CONSOLE:} lines.
 */
final class Chromium {
  /** One page load: the serialized DOM and every console message. */
  record Page(String dom, List<String> console) {}

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  /** Chromium from {@code AGENTFENCE_CHROMIUM} or the PATH (chromium, chromium-browser). */
  static Optional<Chromium> find() {
    String env = System.getenv("AGENTFENCE_CHROMIUM");
    if (env != null && !env.isBlank()) {
      return Optional.of(new Chromium(Path.of(env)));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(new Chromium(p));
        }
      }
    }
    return Optional.empty();
  }

  Page dumpDom(Path html, Path work) throws IOException, InterruptedException {
    Path err = work.resolve("chromium-dom.err");
    Path out = work.resolve("chromium-dom.out");
    run(work, out, err, "--dump-dom", html.toUri().toString());
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new Page(Files.readString(out, StandardCharsets.UTF_8), List.copyOf(console));
  }

  void screenshot(Path html, Path png, int width, int height, Path work) throws IOException, InterruptedException {
    run(work, work.resolve("chromium-shot.out"), work.resolve("chromium-shot.err"),
        "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), html.toUri().toString());
    if (!Files.isRegularFile(png)) {
      throw new IOException("chromium wrote no screenshot to " + png + "; see " + work.resolve("chromium-shot.err"));
    }
  }

  private void run(Path work, Path out, Path err, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(work, "profile"), "--enable-logging=stderr", "--v=0"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish in 120 s: " + String.join(" ", cmd));
    }
    if (p.exitValue() != 0) {
      throw new IOException("chromium exited " + p.exitValue() + ": " + Files.readString(err));
    }
  }
}
