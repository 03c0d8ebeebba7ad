package io.agentfence.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of {@code check --terraform-plan}: the plan, where its sources are, and its base world. */
public final class PlanOptions {
  @Option(names = "--terraform-plan", paramLabel = "FILE",
      description = "Check the world a Terraform plan proposes: the JSON of 'terraform show -json tfplan',"
          + " applied over --inventory, over a live collection (--live), or alone (see docs/terraform.md).")
  Path plan;

  @Option(names = "--terraform-root", paramLabel = "DIR", defaultValue = ".",
      description = "With --terraform-plan: the directory of the Terraform root module the plan was made in,"
          + " where its .tf files are found. Default: ${DEFAULT-VALUE}.")
  Path root;

  @Option(names = "--repository-root", paramLabel = "DIR", defaultValue = ".",
      description = "With --terraform-plan: the repository checkout that SARIF .tf paths are relative to (GitHub"
          + " resolves them against it). Default: ${DEFAULT-VALUE}.")
  Path repository;

  @Option(names = "--live",
      description = "With --terraform-plan: collect the live world from AWS (targets as for 'scan') and apply"
          + " the plan over it.")
  boolean live;

  public boolean active() {
    return plan != null;
  }
}
