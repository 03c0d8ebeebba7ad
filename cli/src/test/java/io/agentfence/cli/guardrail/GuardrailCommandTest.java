package io.agentfence.cli.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.cli.Main;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code agentfence guardrail eval|check} through {@code Main.run}: output contract and exit codes. */
class GuardrailCommandTest {
  static final String CREATE = "bedrock-agentcore:CreateAgentRuntime";
  static final String S = "bedrock-agentcore:subnets";
  static final String SG = "bedrock-agentcore:securityGroups";

  record Run(int code, String out, String err) {
    JsonNode json() {
      return JsonMapper.builder().build().readTree(out);
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(out, err, args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String res(String name) {
    try {
      return Path.of(GuardrailCommandTest.class.getResource("/cli/guardrail/" + name).toURI()).toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Run eval(String policy, String... more) {
    List<String> args = new ArrayList<>(List.of("guardrail", "eval", "--policy", res(policy), "--action", CREATE,
        "--format", "json"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void publicCreateIsDeniedByTheNullStatementOfTheGoodGuardrail() {
    Run r = eval("good.json");
    assertThat(r.code()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("decision").asString()).isEqualTo("DENIED");
    assertThat(j.get("deniedBy").get("file").asString()).isEqualTo(res("good.json"));
    assertThat(j.get("deniedBy").get("sid").asString()).isEqualTo("DenyNoSubnets");
    assertThat(j.get("notes").isArray()).isTrue();
  }

  @Test
  void publicCreateIsNotDeniedByTheAnyValueOnlyGuardrail() {
    JsonNode j = eval("any-value-only.json").json();
    assertThat(j.get("decision").asString()).isEqualTo("NOT_DENIED");
    assertThat(j.get("deniedBy").isNull()).isTrue();
  }

  @Test
  void contextValuesAreASetAndMixedSubnetsAreDenied() {
    JsonNode j = eval("good.json", "--context", S + "=subnet-0aaaaaaaaaaaaaaa1,subnet-0fffffffffffffff1",
        "--context", SG + "=sg-0bbbbbbbbbbbbbbb1").json();
    assertThat(j.get("decision").asString()).isEqualTo("DENIED");
    assertThat(j.get("deniedBy").get("sid").asString()).isEqualTo("DenyUnapprovedSubnets");
  }

  @Test
  void approvedVpcCreateIsNotDenied() {
    Run r = eval("good.json", "--context", S + "=subnet-0aaaaaaaaaaaaaaa1", "--context", SG + "=sg-0bbbbbbbbbbbbbbb1");
    assertThat(r.json().get("decision").asString()).isEqualTo("NOT_DENIED");
  }

  @Test
  void emptyContextIsAnEmptySetNotAnAbsentKey() {
    // ForAllValues:StringNotEquals is true for an empty set ("null dataset") but undetermined when absent.
    JsonNode empty = eval("all-values.json", "--context", S + "=", "--context", SG + "=sg-0bbbbbbbbbbbbbbb1").json();
    assertThat(empty.get("decision").asString()).isEqualTo("DENIED");
    assertThat(empty.get("deniedBy").get("sid").asString()).isEqualTo("DenyForeignSubnets");
    JsonNode absent = eval("all-values.json", "--context", SG + "=sg-0bbbbbbbbbbbbbbb1").json();
    assertThat(absent.get("decision").asString()).isEqualTo("NOT_DENIED");
    assertThat(absent.get("notes").toString()).contains("AWS documents contradict each other");
  }

  @Test
  void anAllowPolicyIsTheWholeGrantAndItsGapsAreImplicitDenies() {
    // The older AWS allow example (iam-semantics §7): ForAllValues is true for an absent key, so PUBLIC is allowed.
    JsonNode pub = eval("allow-all-values.json").json();
    assertThat(pub.get("decision").asString()).isEqualTo("NOT_DENIED");
    JsonNode foreign = eval("allow-all-values.json", "--context", S + "=subnet-0aaaaaaaaaaaaaaa1,subnet-0fffffffffffffff1").json();
    assertThat(foreign.get("decision").asString()).isEqualTo("DENIED");
    assertThat(foreign.get("deniedBy").get("kind").asString()).isEqualTo("implicit-deny");
    assertThat(foreign.get("deniedBy").get("sid").isNull()).isTrue();
    assertThat(foreign.get("deniedBy").get("file").asString()).isEqualTo(res("allow-all-values.json"));
    assertThat(foreign.get("notes").toString()).contains("complete identity policies");
  }

  @Test
  void textFormatNamesTheDecisionAndStatement() {
    Run r = run("guardrail", "eval", "--policy", res("good.json"), "--action", CREATE);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("decision: DENIED by " + res("good.json") + " DenyNoSubnets");
  }

  @Test
  void scpFileDeniesWithFullAwsAccessAssumedAndServiceLinkedRolesAreExempt() {
    Run r = run("guardrail", "eval", "--scp", res("good.json"), "--action", CREATE, "--format", "json");
    assertThat(r.json().get("decision").asString()).isEqualTo("DENIED");
    assertThat(r.json().get("notes").toString()).contains("FullAWSAccess is assumed");
    Run slr = run("guardrail", "eval", "--scp", res("good.json"), "--action", CREATE, "--format", "json",
        "--principal-arn", "arn:aws:iam::222222222222:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX");
    assertThat(slr.json().get("decision").asString()).isEqualTo("NOT_DENIED");
  }

  @Test
  void malformedPolicyIsExit2WithFileAndLine() {
    Run r = eval("malformed.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith(res("malformed.json") + ": not valid JSON at line 4, column ");
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void missingPolicyAndDirectoryPolicyAreExit2AndSayWhich(@TempDir Path dir) {
    Run missing = run("guardrail", "eval", "--policy", dir.resolve("nope.json").toString(), "--action", CREATE);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo(dir.resolve("nope.json") + ": no such policy file");
    Run directory = run("guardrail", "eval", "--policy", dir.toString(), "--action", CREATE);
    assertThat(directory.code()).isEqualTo(2);
    assertThat(directory.err().strip())
        .isEqualTo(dir + ": is a directory, not a policy file (pass the JSON policy file itself)");
  }

  @Test
  void unknownOperatorIsExit2WithPointerAndSuggestion() {
    Run r = eval("unknown-operator.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo(res("unknown-operator.json") + ": at /Statement/0/Condition/"
        + "ForAnyValue:StringNotEqual: unknown condition operator \"ForAnyValue:StringNotEqual\""
        + " (did you mean ForAnyValue:StringNotEquals?)");
  }

  @Test
  void badContextIsExit2() {
    Run noEq = eval("good.json", "--context", S);
    assertThat(noEq.code()).isEqualTo(2);
    assertThat(noEq.err()).contains("bad --context 'bedrock-agentcore:subnets': expected KEY=V1,V2");
    Run noPrefix = eval("good.json", "--context", "subnets=subnet-1");
    assertThat(noPrefix.code()).isEqualTo(2);
    assertThat(noPrefix.err()).contains("is not a condition key");
    Run twice = eval("good.json", "--context", S + "=a", "--context", S + "=b");
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.err()).doesNotContain("\tat ");
  }

  @Test
  void checkPassesTheRecommendedGuardrail() {
    Run r = run("guardrail", "check", "--policy", res("good.json"), "--baseline", res("baseline.yaml"));
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).containsPattern("public-create +DENIED +DENIED +ok");
    assertThat(r.out()).containsPattern("runtime-endpoint-create +NOT_DENIED +NOT_DENIED +ok");
    assertThat(r.out()).contains("result: PASS");
  }

  @Test
  void checkFailsWhenPublicModeGetsThrough() {
    Run r = run("guardrail", "check", "--policy", res("any-value-only.json"), "--baseline", res("baseline.yaml"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).containsPattern("public-create +DENIED +NOT_DENIED +GETS THROUGH +not denied: Deny "
        + java.util.regex.Pattern.quote(res("any-value-only.json")) + " DenyIfNotSpecificSubnets");
    assertThat(r.out()).contains("result: FAIL — 3 request(s) that must be denied get through");
  }

  @Test
  void checkReportsBrokenDeploymentsWithoutFailingTheGate() {
    Run r = run("guardrail", "check", "--policy", res("endpoint-in-null.json"), "--baseline", res("baseline.yaml"),
        "--format", "json");
    JsonNode j = r.json();
    assertThat(j.get("scenarios").toString()).contains("\"scenario\":\"runtime-endpoint-create\"");
    JsonNode endpoint = null;
    for (JsonNode s : j.get("scenarios")) {
      if (s.get("scenario").asString().equals("runtime-endpoint-create")) {
        endpoint = s;
      }
    }
    assertThat(endpoint.get("result").asString()).isEqualTo("BREAKS DEPLOYMENTS");
    assertThat(endpoint.get("deniedBy").get("sid").asString()).isEqualTo("DenyNoSubnets");
    // Its other flaw: two keys under one ForAnyValue operator are ANDed, so a foreign SG with approved subnets passes.
    assertThat(r.code()).isEqualTo(1);
    assertThat(j.get("result").asString()).isEqualTo("FAIL");
  }

  @Test
  void checkWithMalformedPolicyIsExit2() {
    Run r = run("guardrail", "check", "--policy", res("malformed.json"), "--baseline", res("baseline.yaml"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not valid JSON");
  }
}
