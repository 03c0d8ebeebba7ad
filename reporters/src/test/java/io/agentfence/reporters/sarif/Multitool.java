package io.agentfence.reporters.sarif;

import io.agentfence.reporters.JsonSupport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The Microsoft SARIF Multitool ({@code @microsoft/sarif-multitool} {@value #VERSION}), fetched with
 * npm into {@code ~/.cache/agentfence-tools} on first use so CI reruns are fast. It is a
 * self-contained native executable (no .NET needed). Its exit code is 0 even when it finds errors
 * (research: sarif.md §3), so we count error-level results and notifications in its output log.
 */
public final class Multitool {
  public static final String VERSION = "5.7.0";

  /** Validation outcome: counts by level and the messages, for assertions and printed figures. */
  public record Outcome(int errors, int warnings, int notes, List<String> messages) {}

  private Multitool() {}

  static Path home() {
    String override = System.getenv("AGENTFENCE_TOOLS_CACHE");
    Path base = override != null && !override.isBlank() ? Path.of(override)
        : Path.of(System.getProperty("user.home"), ".cache", "agentfence-tools");
    return base.resolve("sarif-multitool-" + VERSION);
  }

  static Path binary() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String pkg = os.contains("win") ? "sarif-multitool-win32" : os.contains("mac") ? "sarif-multitool-darwin" : "sarif-multitool-linux";
    String exe = os.contains("win") ? "Sarif.Multitool.exe" : "Sarif.Multitool";
    return home().resolve("node_modules").resolve("@microsoft").resolve(pkg).resolve(exe);
  }

  /** Installs the Multitool when absent; fails with a clear message when npm is missing. */
  public static synchronized Path ensureInstalled() throws IOException, InterruptedException {
    Path bin = binary();
    if (Files.isRegularFile(bin)) {
      return bin;
    }
    String npm = findOnPath(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? "npm.cmd" : "npm");
    if (npm == null) {
      throw new IllegalStateException("The SARIF GitHub-ingestion test needs npm (Node.js 18+) on PATH to fetch"
          + " @microsoft/sarif-multitool@" + VERSION + " into " + home() + ". Install Node.js, or pre-install with:"
          + " npm install --prefix " + home() + " @microsoft/sarif-multitool@" + VERSION);
    }
    Files.createDirectories(home());
    Process p = new ProcessBuilder(npm, "install", "--prefix", home().toString(), "--no-audit", "--no-fund",
        "@microsoft/sarif-multitool@" + VERSION).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(bin)) {
      throw new IllegalStateException("npm install of @microsoft/sarif-multitool@" + VERSION + " failed:\n" + log);
    }
    // npm may skip the package's postinstall (chmod); the binary needs the execute bit.
    if (!bin.toFile().setExecutable(true)) {
      throw new IllegalStateException("cannot make " + bin + " executable");
    }
    return bin;
  }

  private static String findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  /**
   * Validates SARIF files with rule kinds {@code Sarif;Ghas} and the GitHub rules GH1001–GH1007
   * enabled by {@code rulesXml}; returns the counts summed over all files.
   */
  public static Outcome validate(List<Path> files, Path rulesXml, Path workDir) throws IOException, InterruptedException {
    Path bin = ensureInstalled();
    Path out = workDir.resolve("multitool-validation.sarif");
    List<String> cmd = new ArrayList<>(List.of(bin.toString(), "validate"));
    files.forEach(f -> cmd.add(f.toString()));
    cmd.addAll(List.of("--rule-kind", "Sarif;Ghas", "-c", rulesXml.toString(), "-o", out.toString(),
        "--log", "ForceOverwrite"));
    Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("multitool-console.txt").toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("Multitool did not finish in 5 minutes");
    }
    String console = Files.readString(workDir.resolve("multitool-console.txt"));
    if (!Files.isRegularFile(out)) {
      throw new IllegalStateException("Multitool wrote no output log (exit " + p.exitValue() + "):\n" + console);
    }
    int errors = p.exitValue() == 0 ? 0 : 1;
    int warnings = 0;
    int notes = 0;
    List<String> messages = new ArrayList<>();
    if (p.exitValue() != 0) {
      messages.add("exit code " + p.exitValue() + ": " + console);
    }
    JsonNode log = JsonSupport.MAPPER.readTree(out.toFile());
    for (JsonNode run : log.path("runs")) {
      for (JsonNode r : run.path("results")) {
        // SARIF: an absent level means "warning" (these rules' default).
        String level = r.path("level").asString("warning");
        String text = r.path("ruleId").asString("") + " " + r.path("message").path("text").asString("")
            + " " + r.path("message").path("arguments").toString() + " @ "
            + r.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asString("");
        switch (level) {
          case "error":
            errors++;
            messages.add("error " + text);
            break;
          case "warning":
            warnings++;
            messages.add("warning " + text);
            break;
          default:
            notes++;
        }
      }
      for (JsonNode inv : run.path("invocations")) {
        for (String kind : List.of("toolExecutionNotifications", "toolConfigurationNotifications")) {
          for (JsonNode n : inv.path(kind)) {
            if ("error".equals(n.path("level").asString("warning"))) {
              errors++;
              messages.add("error " + kind + ": " + n.path("message").path("text").asString(""));
            }
          }
        }
      }
    }
    return new Outcome(errors, warnings, notes, messages);
  }
}
