package io.agentfence.cli.collect;

import io.agentfence.cli.ExitCodes;
import io.agentfence.collect.ReadOnlyPolicy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agentfence iam-policy}: the least-privilege policy for scanning, generated from the same
 * operation allowlist that guards every SDK client at run time.
 */
@Command(name = "iam-policy", mixinStandardHelpOptions = true,
    description = {"Print the least-privilege IAM policy for the scanning role (explicit read actions, no wildcards).",
        "Attach it to the role in every scanned account; with --org, also to the principal that runs the scan."})
public final class IamPolicyCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--org", description = "Also the Organizations read and sts:AssumeRole statements for the scanning principal.")
  boolean org;

  @Option(names = "--role-name", paramLabel = "NAME", defaultValue = "AgentfenceScan",
      description = "Member role name that sts:AssumeRole is scoped to (default: ${DEFAULT-VALUE}).")
  String roleName;

  @Override
  public Integer call() {
    var out = io.agentfence.cli.CliIo.of(spec).out();
    try {
      out.write((ReadOnlyPolicy.json(org, roleName) + System.lineSeparator())
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return ExitCodes.CLEAN;
  }
}
