package io.agentfence.cli.init;

import io.agentfence.baseline.BaselineException;
import io.agentfence.baseline.BaselineParser;
import io.agentfence.baseline.proposal.Proposal;
import io.agentfence.baseline.proposal.ProposalYaml;
import io.agentfence.baseline.proposal.SnapshotProposal;
import io.agentfence.cli.CliIo;
import io.agentfence.cli.ExitCodes;
import io.agentfence.cli.UserError;
import io.agentfence.cli.collect.Credentials;
import io.agentfence.cli.collect.LiveCollection;
import io.agentfence.cli.collect.TargetOptions;
import io.agentfence.inventory.Snapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agentfence init}: a starting {@code agentfence.yaml} from what exists — a live read of
 * the landing zone (the same read-only collection as {@code scan}) or Terraform's outputs or
 * state. Every value says where it came from; what looks uncontained is written commented out with
 * the reason. The file is parsed strictly before it is kept, and an existing file is never
 * overwritten without {@code --force}.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Write a starting baseline (agentfence.yaml) from a live landing zone or from Terraform.",
        "Live: --account, --region, optionally --vpc (credentials as for scan). Terraform: --from-terraform-output FILE"
            + " (terraform output -json, or terraform show -json state)."})
public final class InitCommand implements Callable<Integer> {
  private static final Pattern VPC = Pattern.compile("vpc-[0-9a-f]{8}([0-9a-f]{9})?");

  @Spec CommandSpec spec;

  @Mixin TargetOptions targets = new TargetOptions();

  @Option(names = "--vpc", paramLabel = "VPC_ID", description = "Only this VPC (the landing zone's).")
  String vpc;

  @Option(names = "--from-terraform-output", paramLabel = "FILE",
      description = "Read ids from 'terraform output -json' or 'terraform show -json' instead of AWS.")
  Path terraform;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "agentfence.yaml",
      description = "Baseline file to write (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--force", description = "Overwrite the output file if it exists.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    CliIo io = CliIo.of(spec);
    if (Files.exists(output) && !force) {
      throw new UserError("agentfence init: " + output + " exists; pass --force to overwrite it (or -o another file)");
    }
    if (vpc != null && !VPC.matcher(vpc).matches()) {
      throw new UserError("agentfence init: --vpc '" + vpc + "' is not a VPC id (vpc-0123abcd...)");
    }
    targets.problem().ifPresent(p -> {
      throw new UserError("agentfence init: " + p);
    });
    Proposal proposal = terraform != null ? fromTerraform() : live(io);
    if (proposal.zones().stream().allMatch(z -> z.notApproved().isPresent())) {
      io.err().print(ProposalYaml.write(proposal, LocalDate.now(ZoneOffset.UTC)));
      throw new UserError("agentfence init: nothing can be approved as a landing zone (see the reasons above);"
          + " no file written. Write the baseline by hand from docs/baseline.md, or fix what is listed first.");
    }
    String yaml = ProposalYaml.write(proposal, LocalDate.now(ZoneOffset.UTC));
    try {
      BaselineParser.parse(yaml, output.toString());
    } catch (BaselineException e) {
      throw new IllegalStateException("init proposed a baseline that does not parse strictly: " + e.getMessage(), e);
    }
    Path tmp = output.toAbsolutePath().resolveSibling("." + output.getFileName() + ".tmp");
    Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
    Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    long zones = proposal.zones().stream().filter(z -> z.notApproved().isEmpty()).count();
    long rejected = yaml.lines().filter(l -> l.contains("NOT APPROVED")).count();
    io.err().println("agentfence: wrote " + output + ": " + zones + " landing zone(s), " + rejected
        + " value(s) NOT APPROVED (commented out with the reason); review it, then run 'agentfence scan --baseline "
        + output + " ...'");
    return ExitCodes.CLEAN;
  }

  private Proposal live(CliIo io) throws Exception {
    if (targets.accounts().isEmpty() && targets.regions().isEmpty() && !targets.org()) {
      throw new UserError("agentfence init: name the landing zone with --account ID and --region REGION (optionally --vpc) or --org,"
          + " or read Terraform with --from-terraform-output FILE");
    }
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    Snapshot s;
    try {
      s = LiveCollection.run(targets.engine(), Credentials.provider(targets.profile()),
          targets.spec(runId, Credentials.homeRegion(targets.profile(), targets.regions())), "live", io.err(), x -> { });
    } catch (io.agentfence.engine.ScanSetupException e) {
      throw new UserError("agentfence init: " + e.getMessage(), e);
    }
    if (!s.complete()) {
      io.err().println("agentfence: part of the scope could not be read (see above); nothing is proposed from it");
    }
    return SnapshotProposal.of(s, Optional.ofNullable(vpc));
  }

  private Proposal fromTerraform() {
    TerraformFacts t = TerraformFacts.read(terraform);
    String account = targets.accounts().isEmpty() ? t.account.orElse(null) : targets.accounts().get(0);
    String region = targets.regions().isEmpty() ? t.region.orElse(null) : targets.regions().get(0);
    if (account == null || region == null) {
      throw new UserError("agentfence init: " + terraform + " names no " + (account == null ? "account" : "region")
          + " (no ARN carries it); pass --account ID and --region REGION");
    }
    try {
      return t.facts.propose(t.kind, account, region, Optional.ofNullable(vpc));
    } catch (IllegalArgumentException e) {
      throw new UserError("agentfence init: " + terraform + ": " + e.getMessage(), e);
    }
  }
}
