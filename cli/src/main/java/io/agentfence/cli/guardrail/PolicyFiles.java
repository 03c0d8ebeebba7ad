package io.agentfence.cli.guardrail;

import io.agentfence.cli.UserError;
import io.agentfence.iam.Policy;
import io.agentfence.iam.PolicyParseException;
import io.agentfence.iam.PolicyParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads policy files given on the command line; any problem is a one-line {@link UserError}. */
final class PolicyFiles {
  private PolicyFiles() {}

  static List<Policy> read(List<Path> files, PolicyParser.Kind kind) {
    List<Policy> out = new ArrayList<>();
    for (Path f : files) {
      if (Files.isDirectory(f)) {
        throw new UserError(f + ": is a directory, not a policy file (pass the JSON policy file itself)");
      }
      if (!Files.exists(f)) {
        throw new UserError(f + ": no such policy file");
      }
      String json;
      try {
        json = Files.readString(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserError(f + ": cannot read policy file: " + e.getMessage(), e);
      }
      try {
        out.add(PolicyParser.parse(json, f.toString(), kind));
      } catch (PolicyParseException e) {
        throw new UserError(e.getMessage(), e);
      }
    }
    return out;
  }
}
