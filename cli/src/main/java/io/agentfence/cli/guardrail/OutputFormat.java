package io.agentfence.cli.guardrail;

/** {@code --format} of the guardrail commands. */
enum OutputFormat { text, json }
