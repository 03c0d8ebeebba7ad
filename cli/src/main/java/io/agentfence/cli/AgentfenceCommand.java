package io.agentfence.cli;

import picocli.CommandLine.Command;

/**
 * The {@code agentfence} root command. Each subcommand is one class in this package; add yours to
 * {@code subcommands} below.
 */
@Command(
    name = "agentfence",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Drift and posture scanner for AWS Bedrock AgentCore containment.",
    subcommands = {
      io.agentfence.cli.collect.CollectCommand.class,
      io.agentfence.cli.collect.IamPolicyCommand.class,
    })
public final class AgentfenceCommand {}
