package io.agentfence.cli.guardrail;

import io.agentfence.checks.guardrail.GuardrailActions;
import io.agentfence.cli.CliIo;
import io.agentfence.cli.ExitCodes;
import io.agentfence.cli.UserError;
import io.agentfence.cli.VersionProvider;
import io.agentfence.iam.AccessRequest;
import io.agentfence.iam.Decision;
import io.agentfence.iam.Policy;
import io.agentfence.iam.PolicyEvaluator;
import io.agentfence.iam.PolicyParser;
import io.agentfence.iam.PolicySet;
import io.agentfence.iam.ScpLevel;
import io.agentfence.iam.StatementResult;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agentfence guardrail eval}: evaluates one request against policy files. Interface fixed
 * by issue 4 (scripts depend on it).
 */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Evaluate one request against guardrail policies and print whether it is DENIED.",
        "Policies given with --policy are identity policies (or a boundary); if none of them has an Allow"
            + " statement, the principal's other permissions are assumed to allow the request, so only explicit"
            + " denies decide. --scp files are SCPs attached at one level; FullAWSAccess is assumed beside them"
            + " unless one has an Allow statement."})
public final class GuardrailEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--policy", paramLabel = "FILE", description = "Identity policy or boundary (JSON); repeatable.")
  List<Path> policies = new ArrayList<>();

  @Option(names = "--scp", paramLabel = "FILE", description = "Service control policy (JSON); repeatable.")
  List<Path> scps = new ArrayList<>();

  @Option(names = "--action", required = true, paramLabel = "ACTION",
      description = "The action, e.g. bedrock-agentcore:CreateAgentRuntime.")
  String action;

  @Option(names = "--context", paramLabel = "KEY=V1,V2",
      description = "A context key and its values; KEY= is an empty set; a key not given is absent. Repeatable.")
  List<String> context = new ArrayList<>();

  @Option(names = "--principal-arn", paramLabel = "ARN",
      description = "The calling principal (sets aws:PrincipalArn; service-linked roles are exempt from SCPs).")
  String principalArn;

  @Option(names = "--resource", paramLabel = "ARN",
      description = "The resource ARN (default: none for actions without a resource type such as"
          + " CreateAgentRuntime; a placeholder runtime ARN for UpdateAgentRuntime/CreateAgentRuntimeEndpoint).")
  String resource;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    if (policies.isEmpty() && scps.isEmpty()) {
      throw new UserError("agentfence guardrail eval: give at least one --policy FILE or --scp FILE");
    }
    if (!action.matches("[A-Za-z0-9-]+:[A-Za-z0-9]+")) {
      throw new UserError("bad --action '" + action + "': expected service:Action, e.g."
          + " bedrock-agentcore:CreateAgentRuntime (no wildcards)");
    }
    Map<String, List<String>> ctx = ContextOption.parse(context);
    List<Policy> identity = PolicyFiles.read(policies, PolicyParser.Kind.IDENTITY);
    List<Policy> scpPolicies = PolicyFiles.read(scps, PolicyParser.Kind.SCP);
    List<String> notes = new ArrayList<>();
    Map<String, List<String>> full = new LinkedHashMap<>(ctx);
    if (principalArn != null) {
      full.putIfAbsent("aws:principalarn", List.of(principalArn));
    }
    AccessRequest request = new AccessRequest(action, resourceFor(notes), full);
    PolicySet set = policySet(identity, scpPolicies, notes);
    Decision d = PolicyEvaluator.evaluate(set, request);
    List<String> allNotes = new ArrayList<>(notes);
    allNotes.addAll(d.notes());
    Decision shown = new Decision(d.outcome(), d.deniedBy(), d.allowedBy(), d.trace(), allNotes);
    PrintStream out = new PrintStream(CliIo.of(spec).out(), true, StandardCharsets.UTF_8);
    if (format == OutputFormat.json) {
      Map<String, Object> json = GuardrailJson.decision(shown);
      json.put("request", request.describe());
      out.print(GuardrailJson.write(json));
    } else {
      printText(out, request, shown);
    }
    out.flush();
    return ExitCodes.CLEAN;
  }

  private Optional<String> resourceFor(List<String> notes) {
    if (resource != null) {
      return Optional.of(resource);
    }
    if (GuardrailActions.hasRuntimeResource(action)) {
      String account = principalArn != null && principalArn.split(":").length > 4 ? principalArn.split(":")[4]
          : "111122223333";
      String arn = GuardrailActions.resourceFor(action, "us-east-1", account).orElseThrow();
      notes.add("no --resource: evaluated on " + arn);
      return Optional.of(arn);
    }
    boolean resourceLess = GuardrailActions.GUARDED.stream().anyMatch(a -> a.equalsIgnoreCase(action))
        && !GuardrailActions.hasRuntimeResource(action);
    if (!resourceLess) {
      notes.add("no --resource: " + action + " evaluated as an action without resource type (only Resource \"*\" applies)");
    }
    return Optional.empty();
  }

  private PolicySet policySet(List<Policy> identity, List<Policy> scpPolicies, List<String> notes) {
    boolean identityComplete = identity.stream().anyMatch(Policy::hasAllow);
    if (identityComplete) {
      notes.add("--policy files contain Allow statements: they are taken as the principal's complete identity"
          + " policies (a request none of them allows is implicitly denied)");
    }
    List<ScpLevel> levels = new ArrayList<>();
    if (!scpPolicies.isEmpty()) {
      boolean scpAllows = scpPolicies.stream().anyMatch(Policy::hasAllow);
      if (!scpAllows) {
        notes.add("no --scp file has an Allow statement: AWS's default FullAWSAccess is assumed beside them");
      }
      levels.add(new ScpLevel("the --scp files", scpPolicies, !scpAllows));
    }
    Optional<String> exemption = Optional.empty();
    if (principalArn != null && principalArn.contains(":role/aws-service-role/")) {
      exemption = Optional.of("the principal is a service-linked role");
    }
    return new PolicySet(identity, identityComplete, Optional.empty(), levels, exemption);
  }

  private static void printText(PrintStream out, AccessRequest request, Decision d) {
    out.println("request:  " + request.describe());
    if (d.denied()) {
      Decision.DeniedBy by = d.deniedBy().get();
      out.println("decision: DENIED by " + by.label() + (by.kind() == Decision.DenyKind.IMPLICIT ? " (implicit deny)" : ""));
      out.println("because:  " + by.reason());
    } else {
      out.println("decision: NOT_DENIED");
    }
    if (!d.trace().isEmpty()) {
      out.println("statements matching the action:");
      for (StatementResult r : d.trace()) {
        out.println("  " + r.statement().effect() + " " + r.label() + " [" + r.applies() + "] " + r.explanation());
      }
    }
    for (String n : d.notes()) {
      out.println("note: " + n);
    }
  }
}
