package io.agentfence.terraform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the {@code .tf} line of a resource block. The plan's configuration names each module's
 * {@code source} but no lines, so the module directory is found from the source (a local path,
 * relative to the calling module, or {@code .terraform/modules/modules.json} for a downloaded one)
 * and its {@code .tf} files are searched for the {@code resource "type" "name"} header. A module
 * that lives outside the repository (downloaded into {@code .terraform}) points at its
 * {@code module "name"} block in the calling file instead, which is in the repository and in the
 * pull request's diff when the call changes.
 *
 * <p>Paths are relative to {@code repositoryRoot} (the checkout, where GitHub resolves SARIF URIs),
 * with forward slashes.
 */
final class SourceLocator {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final PlanConfig config;
  private final Path rootModule;
  private final Path repositoryRoot;
  private final Map<Path, List<Path>> files = new HashMap<>();
  private final Map<String, String> downloaded = new HashMap<>();

  SourceLocator(PlanConfig config, Path rootModule, Path repositoryRoot) {
    this.config = config;
    this.rootModule = rootModule.toAbsolutePath().normalize();
    this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
    readModulesJson();
  }

  Optional<SourceLocation> locate(ResourceChange rc) {
    List<String> path = PlanConfig.modulePath(rc.moduleAddress());
    Optional<Path> dir = moduleDir(path);
    if (dir.isPresent() && dir.get().startsWith(repositoryRoot) && !dir.get().toString().contains("/.terraform/")) {
      Pattern header = Pattern.compile("^\\s*" + (rc.managed() ? "resource" : "data") + "\\s+\"" + Pattern.quote(rc.type())
          + "\"\\s+\"" + Pattern.quote(rc.name()) + "\"");
      Optional<SourceLocation> found = find(dir.get(), header);
      if (found.isPresent()) {
        return found;
      }
    }
    // The resource's own file is not in the repository: point at the module call that brings it in.
    for (int depth = path.size(); depth > 0; depth--) {
      Optional<Path> parent = moduleDir(path.subList(0, depth - 1));
      if (parent.isPresent() && parent.get().startsWith(repositoryRoot)) {
        Pattern call = Pattern.compile("^\\s*module\\s+\"" + Pattern.quote(path.get(depth - 1)) + "\"");
        Optional<SourceLocation> found = find(parent.get(), call);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** The directory of the module at {@code path}; empty when its source cannot be found here. */
  private Optional<Path> moduleDir(List<String> path) {
    Path dir = rootModule;
    for (int i = 0; i < path.size(); i++) {
      String source = config.moduleCall(path.subList(0, i + 1)).path("source").asString("");
      if (source.startsWith("./") || source.startsWith("../")) {
        dir = dir.resolve(source).normalize();
      } else {
        String key = String.join(".", path.subList(0, i + 1));
        if (!downloaded.containsKey(key)) {
          return Optional.empty();
        }
        dir = rootModule.resolve(downloaded.get(key)).normalize();
      }
    }
    return Optional.of(dir);
  }

  private Optional<SourceLocation> find(Path dir, Pattern header) {
    for (Path f : tfFiles(dir)) {
      try {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (header.matcher(lines.get(i)).find()) {
            String rel = repositoryRoot.relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
            return Optional.of(new SourceLocation(rel, i + 1));
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // An unreadable file cannot hold the location; the finding keeps its logical location.
      }
    }
    return Optional.empty();
  }

  private List<Path> tfFiles(Path dir) {
    return files.computeIfAbsent(dir, d -> {
      if (!Files.isDirectory(d)) {
        return List.of();
      }
      try (Stream<Path> s = Files.list(d)) {
        return s.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().toList();
      } catch (IOException e) {
        return List.of();
      }
    });
  }

  /** {@code terraform init} records where it put each non-local module. */
  private void readModulesJson() {
    Path manifest = rootModule.resolve(".terraform/modules/modules.json");
    if (!Files.isRegularFile(manifest)) {
      return;
    }
    try {
      JsonNode root = MAPPER.readTree(manifest.toFile());
      List<JsonNode> mods = new ArrayList<>();
      root.path("Modules").forEach(mods::add);
      for (JsonNode m : mods) {
        downloaded.put(m.path("Key").asString(""), m.path("Dir").asString(""));
      }
    } catch (RuntimeException e) {
      // A damaged manifest only costs the locations of downloaded modules.
    }
  }
}
