package io.agentfence.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.iam.Decision.DenyKind;
import io.agentfence.iam.Decision.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven evaluator cases. Each case's name cites the documented rule it exercises, by the
 * source tags of research/iam-semantics.md ([D OPS] = IAM "Condition operators", [D MV] =
 * "Single-valued vs. multivalued context keys", [D MULTI] = "Conditions with multiple context keys
 * or values", [D EVAL-DENYALLOW], [D ORG-SCP], [D ACTION], [D NOTACTION], [D SAR-AC], [D VARS])
 * and its section number. Cases marked "undocumented" assert the conservative reading and its note.
 */
class PolicyEvaluatorCasesTest {
  static final String S = "bedrock-agentcore:subnets";
  static final String SG = "bedrock-agentcore:securityGroups";
  static final String A = "subnet-aaaaaaaa";
  static final String B = "subnet-bbbbbbbb";
  static final String F = "subnet-ffffffff";
  static final String CREATE = "bedrock-agentcore:CreateAgentRuntime";
  static final String RUNTIME_ARN = "arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/r-1";

  record Case(String name, PolicySet set, AccessRequest request, Outcome outcome, String sid, String note) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** One Deny statement, Sid "G", on CreateAgentRuntime, Resource "*", with this Condition. */
  static PolicySet deny(String condition) {
    return guard("{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"G\",\"Effect\":\"Deny\",\"Action\":\""
        + CREATE + "\",\"Resource\":\"*\",\"Condition\":" + condition + "}}");
  }

  static PolicySet guard(String json) {
    return PolicySet.guardrailOnly(List.of(PolicyParser.parse(json, "guardrail.json")), List.of());
  }

  static PolicySet identity(String... jsons) {
    return new PolicySet(Stream.of(jsons).map(j -> PolicyParser.parse(j, "identity.json")).toList(), true,
        Optional.empty(), List.of(), Optional.empty());
  }

  static AccessRequest create() {
    return AccessRequest.of(CREATE);
  }

  static Case c(String name, PolicySet set, AccessRequest req, Outcome outcome) {
    return new Case(name, set, req, outcome, null, null);
  }

  static Case c(String name, PolicySet set, AccessRequest req, Outcome outcome, String sidOrNote) {
    return sidOrNote.startsWith("~")
        ? new Case(name, set, req, outcome, null, sidOrNote.substring(1))
        : new Case(name, set, req, outcome, sidOrNote, null);
  }

  static final Outcome DENIED = Outcome.DENIED;
  static final Outcome NOT = Outcome.NOT_DENIED;

  static final String ANY_NOT_EQ = "{\"ForAnyValue:StringNotEquals\":{\"" + S + "\":[\"" + A + "\",\"" + B + "\"]}}";
  static final String ALL_NOT_EQ = "{\"ForAllValues:StringNotEquals\":{\"" + S + "\":[\"" + A + "\",\"" + B + "\"]}}";
  static final String NULL_TRUE = "{\"Null\":{\"" + S + "\":\"true\"}}";
  static final String ALLOW_ALL_VALUES = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\""
      + CREATE + "\",\"Resource\":\"*\",\"Condition\":{\"ForAllValues:StringEquals\":{\"" + S + "\":[\"" + A + "\"]}}}]}";

  static Stream<Case> cases() {
    return Stream.of(
        // --- set operators, absent keys and empty sets: [D MV] / [D OPS], iam-semantics §2.4-2.5
        c("01 [D MV §2.4] ForAnyValue:StringNotEquals is false when the key is absent (PUBLIC gets through)",
            deny(ANY_NOT_EQ), create(), NOT),
        c("02 [D MV §2.4] ForAnyValue:StringNotEquals: all approved subnets -> no member differs",
            deny(ANY_NOT_EQ), create().with(S, A, B), NOT),
        c("03 [D OPS §2.4] ForAnyValue:StringNotEquals: 'at least one value must NOT match' -> approved+foreign denied",
            deny(ANY_NOT_EQ), create().with(S, A, F), DENIED, "G"),
        c("04 [D OPS §2.4] ForAnyValue:StringNotEquals: all-foreign denied", deny(ANY_NOT_EQ), create().with(S, F), DENIED, "G"),
        c("05 [§2.5 truth table] ForAnyValue on an empty set: no member matches -> false",
            deny(ANY_NOT_EQ), create().with(S), NOT),
        c("06 [D OPS §0.6] ForAllValues:StringNotEquals 'none of the values can match': approved+foreign passes",
            deny(ALL_NOT_EQ), create().with(S, A, F), NOT),
        c("07 [D OPS §2.4] ForAllValues:StringNotEquals: all-foreign denied", deny(ALL_NOT_EQ), create().with(S, F), DENIED, "G"),
        c("08 [§2.4 AWS docs contradict] ForAllValues:<negated> with an absent key is not credited",
            deny(ALL_NOT_EQ), create(), NOT, "~AWS documents contradict each other"),
        c("09 [D OPS §2.4] ForAllValues is true when the key 'resolves to a null dataset' (empty set)",
            deny(ALL_NOT_EQ), create().with(S), DENIED, "G"),
        c("10 [D AC-VPC §3.3c] ForAnyValue:StringEquals deny-list catches a listed subnet among others",
            deny("{\"ForAnyValue:StringEquals\":{\"" + S + "\":[\"" + F + "\"]}}"), create().with(S, A, F), DENIED, "G"),
        c("11 [D MV §2.4] ForAnyValue:StringEquals deny-list is false when the key is absent",
            deny("{\"ForAnyValue:StringEquals\":{\"" + S + "\":[\"" + F + "\"]}}"), create(), NOT),
        c("12 [D MV §7] Allow ForAllValues:StringEquals without Null:false grants a request without the key",
            identity(ALLOW_ALL_VALUES), create(), NOT),
        c("13 [D MV §2.4 Important] Allow ForAllValues:StringEquals + Null:false denies (implicitly) without the key",
            identity("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + CREATE + "\",\"Resource\":\"*\",\"Condition\":"
                + "{\"ForAllValues:StringEquals\":{\"" + S + "\":[\"" + A + "\"]},\"Null\":{\"" + S + "\":\"false\"}}}]}"),
            create(), DENIED),
        c("14 [D MV §2.4] Allow ForAllValues:StringEquals: one foreign value -> no Allow -> implicit deny",
            identity(ALLOW_ALL_VALUES), create().with(S, A, F), DENIED),
        // --- Null: [D OPS §2.2], [D MULTI §2.3]
        c("15 [D OPS §2.2] Null:true is true when the key is absent (PUBLIC denied)", deny(NULL_TRUE), create(), DENIED, "G"),
        c("16 [D OPS §2.2] Null:true is false when the key is present", deny(NULL_TRUE), create().with(S, F), NOT),
        c("17 [D MULTI §2.3] two keys under one Null block are ANDed: only SG absent does not fire",
            deny("{\"Null\":{\"" + S + "\":\"true\",\"" + SG + "\":\"true\"}}"), create().with(S, A), NOT),
        c("18 [D MULTI §2.3] Null:true AND ForAnyValue:StringNotEquals in one statement can never both hold",
            deny("{\"Null\":{\"" + S + "\":\"true\"},\"ForAnyValue:StringNotEquals\":{\"" + S + "\":[\"" + A + "\"]}}"),
            create(), NOT),
        c("19 [§2.5 undocumented] Null on a key present with an empty set is not credited",
            deny(NULL_TRUE), create().with(S), NOT, "~AWS does not document Null"),
        c("20 [D OPS §2.2] Null:false is true when the key is present", deny("{\"Null\":{\"" + S + "\":\"false\"}}"),
            create().with(S, A), DENIED, "G"),
        // --- IfExists: [D OPS §2.2]
        c("21 [D OPS §2.5] ForAnyValue:StringNotEqualsIfExists: absent key evaluates as true (PUBLIC denied)",
            deny("{\"ForAnyValue:StringNotEqualsIfExists\":{\"" + S + "\":[\"" + A + "\"]}}"), create(), DENIED, "G"),
        c("22 [D OPS §2.2] Deny + StringNotEqualsIfExists: 'still denied even if the condition key is not present'",
            deny("{\"StringNotEqualsIfExists\":{\"aws:RequestedRegion\":\"us-east-1\"}}"), create(), DENIED, "G"),
        c("23 [D OPS §2.2] StringEqualsIfExists with the key present is processed as specified",
            deny("{\"StringEqualsIfExists\":{\"aws:RequestedRegion\":\"us-east-1\"}}"),
            create().with("aws:RequestedRegion", "eu-west-1"), NOT),
        // --- plain operators and the absent-key rule: [D OPS §2.1], undocumented §2.6
        c("24 [D OPS §2.1] plain negated operator on an absent key is true (plain StringNotEquals denies PUBLIC)",
            deny("{\"StringNotEquals\":{\"" + S + "\":\"" + A + "\"}}"), create(), DENIED, "G"),
        c("25 [§2.6 undocumented] plain StringNotEquals on multivalued subnets is not credited against a foreign subnet",
            deny("{\"StringNotEquals\":{\"" + S + "\":\"" + A + "\"}}"), create().with(S, F), NOT,
            "~plain (non-set) operator on a multivalued key"),
        c("26 [D OPS §2.2] StringEquals exact match on a single-valued key",
            deny("{\"StringEquals\":{\"aws:RequestedRegion\":\"us-east-1\"}}"),
            create().with("aws:RequestedRegion", "us-east-1"), DENIED, "G"),
        c("27 [D OPS §2.1] plain positive operator on an absent key is false",
            deny("{\"StringEquals\":{\"aws:RequestedRegion\":\"us-east-1\"}}"), create(), NOT),
        c("28 [D OPS §2.1] StringNotLike on an absent key is true (PMapper gets this wrong, §6)",
            deny("{\"StringNotLike\":{\"aws:RequestedRegion\":\"us-*\"}}"), create(), DENIED, "G"),
        c("29 [D OPS §2.2] StringLike '*' wildcard", deny("{\"StringLike\":{\"aws:PrincipalTag/team\":\"plat*\"}}"),
            create().with("aws:PrincipalTag/team", "platform"), DENIED, "G"),
        c("30 [D OPS §2.2] StringLike '?' matches exactly one character",
            deny("{\"StringLike\":{\"aws:RequestedRegion\":\"us-east-?\"}}"),
            create().with("aws:RequestedRegion", "us-east-10"), NOT),
        c("31 [D OPS §2.8] StringEquals is case sensitive",
            deny("{\"StringEquals\":{\"aws:RequestedRegion\":\"us-east-1\"}}"),
            create().with("aws:RequestedRegion", "US-EAST-1"), NOT),
        c("32 [D OPS §2.2] StringEqualsIgnoreCase ignores case",
            deny("{\"StringEqualsIgnoreCase\":{\"aws:RequestedRegion\":\"us-east-1\"}}"),
            create().with("aws:RequestedRegion", "US-EAST-1"), DENIED, "G"),
        c("33 [D OPS §2.2] StringNotEqualsIgnoreCase: same value in other case is equal -> false",
            deny("{\"StringNotEqualsIgnoreCase\":{\"aws:RequestedRegion\":\"us-east-1\"}}"),
            create().with("aws:RequestedRegion", "US-East-1"), NOT),
        c("34 [D OPS §2.8] 'ForAnyValue comparison is case sensitive': upper-cased approved ID fails closed",
            deny(ANY_NOT_EQ), create().with(S, A.toUpperCase()), DENIED, "G"),
        // --- several values OR/NOR, several keys and operators AND: [D MULTI §2.3]
        c("35 [D MULTI §2.3] negated operator with several values is NOR: listed value -> false",
            deny("{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}"),
            create().with("aws:RequestedRegion", "eu-west-1"), NOT),
        c("36 [D MULTI §2.3] negated operator with several values is NOR: unlisted value -> true",
            deny("{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}"),
            create().with("aws:RequestedRegion", "ap-south-1"), DENIED, "G"),
        c("37 [D MULTI §2.3] several keys under one operator are ANDed",
            deny("{\"StringEquals\":{\"aws:RequestedRegion\":\"us-east-1\",\"aws:PrincipalTag/team\":\"x\"}}"),
            create().with("aws:RequestedRegion", "us-east-1").with("aws:PrincipalTag/team", "y"), NOT),
        c("38 [D MULTI §2.3] several operators are ANDed: all true -> statement applies",
            deny("{\"StringEquals\":{\"aws:RequestedRegion\":\"us-east-1\"},\"Bool\":{\"aws:SecureTransport\":\"true\"}}"),
            create().with("aws:RequestedRegion", "us-east-1").with("aws:SecureTransport", "true"), DENIED, "G"),
        c("39 [D COND §2.8] condition key names are case-insensitive (bedrock-agentcore:Subnets)",
            deny("{\"ForAnyValue:StringNotEquals\":{\"bedrock-agentcore:Subnets\":[\"" + A + "\"]}}"),
            create().with("BEDROCK-AGENTCORE:subnets", F), DENIED, "G"),
        // --- ARN, Bool, Numeric, Date, IP families: [D OPS]
        c("40 [D OPS §2.2] ArnNotLike break-glass exemption: the break-glass role is not denied",
            deny("{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/BreakGlass\"}}"),
            create().with("aws:PrincipalArn", "arn:aws:iam::111122223333:role/BreakGlass"), NOT),
        c("41 [D OPS §2.2] ArnNotLike: any other role is denied",
            deny("{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/BreakGlass\"}}"),
            create().with("aws:PrincipalArn", "arn:aws:iam::111122223333:role/Dev"), DENIED, "G"),
        c("42 [D OPS §2.2] ArnLike is case-sensitive per component",
            deny("{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/breakglass\"}}"),
            create().with("aws:PrincipalArn", "arn:aws:iam::111122223333:role/BreakGlass"), NOT),
        c("43 [D OPS §2.2] ArnEquals checks each of six components; '*' in the account component",
            deny("{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:bedrock-agentcore:us-east-1:*:runtime/*\"}}"),
            create().with("aws:SourceArn", RUNTIME_ARN), DENIED, "G"),
        c("44 [D OPS §2.2] Bool matching", deny("{\"Bool\":{\"aws:SecureTransport\":\"false\"}}"),
            create().with("aws:SecureTransport", "false"), DENIED, "G"),
        c("45 [D OPS §2.1] Bool on an absent key is false", deny("{\"Bool\":{\"aws:SecureTransport\":\"false\"}}"),
            create(), NOT),
        c("46 [D OPS] NumericGreaterThan", deny("{\"NumericGreaterThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}"),
            create().with("aws:MultiFactorAuthAge", "7200"), DENIED, "G"),
        c("47 [D OPS] NumericLessThanEquals false above the bound",
            deny("{\"NumericLessThanEquals\":{\"aws:MultiFactorAuthAge\":3600}}"),
            create().with("aws:MultiFactorAuthAge", "7200"), NOT),
        c("48 [D OPS] DateGreaterThan", deny("{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-01-01T00:00:00Z\"}}"),
            create().with("aws:CurrentTime", "2026-06-01T00:00:00Z"), DENIED, "G"),
        c("49 [D OPS] NotIpAddress outside the CIDR", deny("{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}"),
            create().with("aws:SourceIp", "192.168.1.1"), DENIED, "G"),
        c("50 [D OPS] NotIpAddress inside the CIDR", deny("{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}"),
            create().with("aws:SourceIp", "10.1.2.3"), NOT),
        // --- Action / NotAction / Resource: [D ACTION], [D NOTACTION], [D SAR-AC] §1.3
        c("51 [D ACTION §1.3] action names are case-insensitive",
            guard("{\"Statement\":{\"Sid\":\"G\",\"Effect\":\"Deny\",\"Action\":\"BEDROCK-AGENTCORE:createagentruntime\",\"Resource\":\"*\"}}"),
            create(), DENIED, "G"),
        c("52 [D ACTION §1.3] bedrock-agentcore:Create* matches CreateBrowser",
            guard("{\"Statement\":{\"Sid\":\"G\",\"Effect\":\"Deny\",\"Action\":\"bedrock-agentcore:Create*\",\"Resource\":\"*\"}}"),
            AccessRequest.of("bedrock-agentcore:CreateBrowser"), DENIED, "G"),
        c("53 [D ACTION §1.3] bedrock-agentcore:Create* does not match UpdateAgentRuntime",
            guard("{\"Statement\":{\"Sid\":\"G\",\"Effect\":\"Deny\",\"Action\":\"bedrock-agentcore:Create*\",\"Resource\":\"*\"}}"),
            AccessRequest.of("bedrock-agentcore:UpdateAgentRuntime").onResource(RUNTIME_ARN), NOT),
        c("54 [D NOTACTION §1.3] Deny+NotAction exempts exactly the listed action",
            guard("{\"Statement\":{\"Sid\":\"G\",\"Effect\":\"Deny\",\"NotAction\":[\"" + CREATE + "\"],\"Resource\":\"*\"}}"),
            create(), NOT),
        c("55 [D NOTACTION §1.3] Deny+NotAction denies every unlisted action",
            guard("{\"Statement\":{\"Sid\":\"G\",\"Effect\":\"Deny\",\"NotAction\":[\"" + CREATE + "\"],\"Resource\":\"*\"}}"),
            AccessRequest.of("bedrock-agentcore:CreateBrowser"), DENIED, "G"),
        c("56 [D SAR-AC §1.3] a Deny scoped to runtime/* never applies to CreateAgentRuntime (no resource type)",
            guard("{\"Statement\":{\"Sid\":\"G\",\"Effect\":\"Deny\",\"Action\":\"" + CREATE + "\",\"Resource\":"
                + "\"arn:aws:bedrock-agentcore:*:*:runtime/*\"}}"), create(), NOT),
        c("57 [D SAR-AC §1.3] the same Deny applies to UpdateAgentRuntime on a runtime ARN",
            guard("{\"Statement\":{\"Sid\":\"G\",\"Effect\":\"Deny\",\"Action\":\"bedrock-agentcore:UpdateAgentRuntime\","
                + "\"Resource\":\"arn:aws:bedrock-agentcore:*:*:runtime/*\"}}"),
            AccessRequest.of("bedrock-agentcore:UpdateAgentRuntime").onResource(RUNTIME_ARN), DENIED, "G"),
        c("58 [D NOTRESOURCE §1.3] Deny+NotResource denies resources not listed",
            guard("{\"Statement\":{\"Sid\":\"G\",\"Effect\":\"Deny\",\"Action\":\"bedrock-agentcore:UpdateAgentRuntime\","
                + "\"NotResource\":\"arn:aws:bedrock-agentcore:*:*:runtime/approved-*\"}}"),
            AccessRequest.of("bedrock-agentcore:UpdateAgentRuntime").onResource(RUNTIME_ARN), DENIED, "G"),
        c("59 [D VARS §2.7] policy variable in Resource resolves from the request",
            guard("{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"G\",\"Effect\":\"Deny\",\"Action\":\"bedrock-agentcore:UpdateAgentRuntime\","
                + "\"Resource\":\"arn:aws:bedrock-agentcore:*:${aws:PrincipalAccount}:runtime/*\"}}"),
            AccessRequest.of("bedrock-agentcore:UpdateAgentRuntime").onResource(RUNTIME_ARN)
                .with("aws:PrincipalAccount", "111122223333"), DENIED, "G"),
        // --- evaluation logic: [D EVAL-DENYALLOW §1.1-1.2], [D ORG-SCP]
        c("60 [D EVAL-DENYALLOW §1.1] an explicit deny overrides an allow",
            identity("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"G\",\"Effect\":\"Deny\",\"Action\":\"" + CREATE + "\",\"Resource\":\"*\",\"Condition\":" + NULL_TRUE + "}]}"),
            create(), DENIED, "G"),
        c("61 [D EVAL-DENYALLOW §1.1] no applicable Allow is an implicit deny",
            identity("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"), create(), DENIED),
        c("62 [D EVAL-DENYALLOW §1.2] an SCP level with no applicable Allow denies",
            new PolicySet(List.of(allowAll()), true, Optional.empty(),
                List.of(new ScpLevel("r-root", List.of(PolicyParser.parse(
                    "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}", "scp.json", PolicyParser.Kind.SCP)), false)),
                Optional.empty()), create(), DENIED),
        c("63 [D ORG-SCP §1.2] SCPs do not affect service-linked roles",
            new PolicySet(List.of(allowAll()), true, Optional.empty(),
                List.of(new ScpLevel("r-root", List.of(scpNull()), true)), Optional.of("service-linked role")),
            create(), NOT, "~SCPs do not apply"),
        c("64 [D EVAL-DENYALLOW §1.2] a permissions boundary that does not allow the action denies",
            new PolicySet(List.of(allowAll()), true, Optional.of(PolicyParser.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}", "boundary.json")),
                List.of(), Optional.empty()), create(), DENIED),
        c("65 [D EVAL-DENYALLOW §1.2] a Null deny in an SCP denies, FullAWSAccess assumed at a level with none shown",
            new PolicySet(List.of(allowAll()), true, Optional.empty(),
                List.of(new ScpLevel("r-root", List.of(), true), new ScpLevel("ou-1", List.of(scpNull()), true)),
                Optional.empty()), create(), DENIED, "N"));
  }

  static Policy allowAll() {
    return PolicyParser.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}", "allow-all.json");
  }

  static Policy scpNull() {
    return PolicyParser.parse("{\"Statement\":{\"Sid\":\"N\",\"Effect\":\"Deny\",\"Action\":\"" + CREATE
        + "\",\"Condition\":" + NULL_TRUE + "}}", "scp-guardrail.json", PolicyParser.Kind.SCP);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Case k) {
    Decision d = PolicyEvaluator.evaluate(k.set(), k.request());
    assertThat(d.outcome()).as(k.name() + " notes=" + d.notes()).isEqualTo(k.outcome());
    if (k.sid() != null) {
      assertThat(d.deniedBy()).isPresent();
      assertThat(d.deniedBy().get().kind()).isEqualTo(DenyKind.EXPLICIT);
      assertThat(d.deniedBy().get().sid()).contains(k.sid());
    }
    if (k.outcome() == NOT) {
      assertThat(d.deniedBy()).isEmpty();
    }
    if (k.note() != null) {
      assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains(k.note()));
    }
  }
}
