package io.agentfence.cli.guardrail;

import io.agentfence.baseline.Baseline;
import io.agentfence.baseline.BaselineParser;
import io.agentfence.baseline.LandingZone;
import io.agentfence.checks.guardrail.GuardrailActions.ScenarioPrincipal;
import io.agentfence.checks.guardrail.GuardrailAnalyzer;
import io.agentfence.checks.guardrail.Scenario.Expectation;
import io.agentfence.checks.guardrail.ScenarioOutcome;
import io.agentfence.checks.guardrail.Scenarios;
import io.agentfence.cli.CliIo;
import io.agentfence.cli.ExitCodes;
import io.agentfence.cli.UserError;
import io.agentfence.cli.VersionProvider;
import io.agentfence.iam.Policy;
import io.agentfence.iam.PolicyParser;
import io.agentfence.iam.PolicySet;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agentfence guardrail check}: the scenario table for a guardrail before it is deployed.
 * Exits 1 when a request that must be denied is not (including an action the guardrail's scope
 * misses), 0 otherwise, 2 on bad input.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Evaluate a guardrail on the containment scenarios (PUBLIC create, SANDBOX code interpreter,"
        + " approved/foreign subnets and security groups, updates, runtime endpoint creation) and print the table.",
        "Exit code 1 when a scenario that must be denied is not; 0 otherwise; 2 on bad input."})
public final class GuardrailCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--policy", paramLabel = "FILE", description = "Guardrail identity policy or boundary (JSON); repeatable.")
  List<Path> policies = new ArrayList<>();

  @Option(names = "--scp", paramLabel = "FILE", description = "Guardrail SCP (JSON); repeatable.")
  List<Path> scps = new ArrayList<>();

  @Option(names = "--baseline", required = true, paramLabel = "FILE",
      description = "Baseline (agentfence.yaml): its landing zones' approved subnets and security groups.")
  Path baseline;

  @Option(names = "--principal-arn", paramLabel = "ARN",
      description = "The deploying principal the scenarios come from (default: a generic role).")
  String principalArn;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    if (policies.isEmpty() && scps.isEmpty()) {
      throw new UserError("agentfence guardrail check: give at least one --policy FILE or --scp FILE");
    }
    List<Policy> identity = PolicyFiles.read(policies, PolicyParser.Kind.IDENTITY);
    List<Policy> scpPolicies = PolicyFiles.read(scps, PolicyParser.Kind.SCP);
    Baseline b = BaselineParser.parse(baseline);
    List<String> subnets = b.landingZones().stream().flatMap(z -> z.approvedSubnets().stream()).distinct().toList();
    List<String> sgs = b.landingZones().stream().flatMap(z -> z.approvedSecurityGroups().stream()).distinct().toList();
    if (subnets.isEmpty() || sgs.isEmpty()) {
      throw new UserError(baseline + ": no landing zone lists approvedSubnets and approvedSecurityGroups; the scenarios"
          + " need the approved set (add them to a landing zone)");
    }
    ScenarioPrincipal principal = principal(b);
    PolicySet set = GuardrailAnalyzer.guardrailSet(identity, scpPolicies);
    List<ScenarioOutcome> outcomes = GuardrailAnalyzer.scenarios(set, Scenarios.all(subnets, sgs, principal));
    List<GuardrailAnalyzer.ScopeGap> gaps = GuardrailAnalyzer.scopeGaps(set, subnets, sgs, principal);
    List<Policy> all = new ArrayList<>(identity);
    all.addAll(scpPolicies);
    GuardrailAnalyzer.ApprovedSetDiff diff = GuardrailAnalyzer.approvedSet(set, subnets, sgs,
        GuardrailAnalyzer.literalIds(all, "subnet-"), GuardrailAnalyzer.literalIds(all, "sg-"), principal);
    long through = outcomes.stream().filter(o -> o.scenario().expectation() == Expectation.MUST_DENY && !o.ok()).count()
        + gaps.size();
    Set<String> notes = new LinkedHashSet<>();
    outcomes.forEach(o -> notes.addAll(o.decision().notes()));
    PrintStream out = new PrintStream(CliIo.of(spec).out(), true, StandardCharsets.UTF_8);
    if (format == OutputFormat.json) {
      out.print(GuardrailJson.write(json(outcomes, gaps, diff, notes, through)));
    } else {
      printText(out, all, subnets, sgs, outcomes, gaps, diff, notes, through);
    }
    out.flush();
    return through > 0 ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }

  private ScenarioPrincipal principal(Baseline b) {
    String region = b.landingZones().stream().flatMap(z -> z.regions().stream()).findFirst().orElse("us-east-1");
    if (principalArn != null) {
      String[] parts = principalArn.split(":");
      if (parts.length < 6 || !parts[0].equals("arn")) {
        throw new UserError("bad --principal-arn '" + principalArn + "': expected an ARN such as"
            + " arn:aws:iam::111122223333:role/Deployer");
      }
      return new ScenarioPrincipal(parts[4], region, principalArn);
    }
    String account = b.landingZones().stream().map(LandingZone::accounts).flatMap(List::stream).findFirst()
        .orElse("111122223333");
    return ScenarioPrincipal.generic(account, region);
  }

  static String verdict(ScenarioOutcome o) {
    if (o.scenario().expectation() == Expectation.INFO) {
      return "info";
    }
    if (o.ok()) {
      return "ok";
    }
    return o.scenario().expectation() == Expectation.MUST_DENY ? "GETS THROUGH" : "BREAKS DEPLOYMENTS";
  }

  private static void printText(PrintStream out, List<Policy> all, List<String> subnets, List<String> sgs,
      List<ScenarioOutcome> outcomes, List<GuardrailAnalyzer.ScopeGap> gaps, GuardrailAnalyzer.ApprovedSetDiff diff,
      Set<String> notes, long through) {
    out.println("guardrail: " + String.join(", ", all.stream().map(Policy::source).toList()));
    out.println("approved:  subnets " + subnets + ", security groups " + sgs);
    out.println();
    out.printf("%-30s %-10s %-10s %-18s %s%n", "SCENARIO", "MUST BE", "DECISION", "RESULT", "WHY");
    for (ScenarioOutcome o : outcomes) {
      out.printf("%-30s %-10s %-10s %-18s %s%n", o.scenario().id(), o.expected(), o.decision().outcome(), verdict(o),
          o.explanation());
    }
    for (GuardrailAnalyzer.ScopeGap g : gaps) {
      out.println("GETS THROUGH (scope): " + g.message());
    }
    for (String id : diff.unapprovedButAllowed()) {
      out.println("approved set: not in the baseline but not denied: " + id);
    }
    for (String id : diff.approvedButDenied()) {
      out.println("approved set: in the baseline but denied: " + id);
    }
    for (String n : notes) {
      out.println("note: " + n);
    }
    out.println();
    out.println(through == 0 ? "result: PASS — every request that must be denied is denied"
        : "result: FAIL — " + through + " request(s) that must be denied get through");
  }

  private static Map<String, Object> json(List<ScenarioOutcome> outcomes, List<GuardrailAnalyzer.ScopeGap> gaps,
      GuardrailAnalyzer.ApprovedSetDiff diff, Set<String> notes, long through) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("result", through == 0 ? "PASS" : "FAIL");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ScenarioOutcome o : outcomes) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("scenario", o.scenario().id());
      r.put("title", o.scenario().title());
      r.put("mustBe", o.expected());
      r.put("decision", o.decision().outcome().name());
      r.put("result", verdict(o));
      r.put("deniedBy", o.decision().deniedBy().map(GuardrailJson::deniedBy).orElse(null));
      r.put("explanation", o.explanation());
      rows.add(r);
    }
    m.put("scenarios", rows);
    m.put("scopeGaps", gaps.stream().map(GuardrailAnalyzer.ScopeGap::message).toList());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("notInBaselineButNotDenied", diff.unapprovedButAllowed());
    d.put("inBaselineButDenied", diff.approvedButDenied());
    m.put("approvedSet", d);
    m.put("notes", List.copyOf(notes));
    return m;
  }
}
