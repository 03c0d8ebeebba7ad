package io.agentfence.cli.guardrail;

import io.agentfence.cli.CliIo;
import io.agentfence.cli.ExitCodes;
import io.agentfence.cli.VersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code agentfence guardrail}: evaluate guardrail policies locally, before they are deployed. */
@Command(name = "guardrail", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Evaluate IAM/SCP guardrail policies with IAM's documented semantics (no AWS calls).",
    subcommands = {GuardrailEvalCommand.class, GuardrailCheckCommand.class})
public final class GuardrailCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(CliIo.of(spec).err());
    return ExitCodes.USAGE;
  }
}
