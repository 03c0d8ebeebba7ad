package io.agentfence.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyParserTest {
  @Test
  void malformedJsonNamesFileLineAndColumn() {
    assertThatThrownBy(() -> PolicyParser.parse("{\n  \"Statement\": [\n    {\"Effect\": \"Deny\",, }\n  ]\n}", "g.json"))
        .isInstanceOf(PolicyParseException.class)
        .hasMessageStartingWith("g.json: not valid JSON at line 3, column ");
  }

  @Test
  void unknownOperatorNamesPointerAndSuggestsTheFix() {
    String json = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"ForAnyValue:StringNotEqual\":{\"k\":\"v\"}}}]}";
    assertThatThrownBy(() -> PolicyParser.parse(json, "g.json"))
        .isInstanceOf(PolicyParseException.class)
        .hasMessage("g.json: at /Statement/1/Condition/ForAnyValue:StringNotEqual: unknown condition operator "
            + "\"ForAnyValue:StringNotEqual\" (did you mean ForAnyValue:StringNotEquals?)");
  }

  @Test
  void nullTakesNeitherIfExistsNorSetQualifier() {
    String json = "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"NullIfExists\":{\"k\":\"true\"}}}}";
    assertThatThrownBy(() -> PolicyParser.parse(json, "g.json")).hasMessageContaining("unknown condition operator \"NullIfExists\"");
  }

  @Test
  void statementObjectAndStringOrArrayForms() {
    Policy p = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"X\",\"Effect\":\"Deny\","
        + "\"Action\":\"a:B\",\"NotResource\":[\"r1\",\"r2\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false},"
        + "\"NumericLessThan\":{\"n\":[1,2]}}}}", "p");
    Statement s = p.statements().get(0);
    assertThat(s.sid()).contains("X");
    assertThat(s.actions()).containsExactly("a:B");
    assertThat(s.notResource()).isTrue();
    assertThat(s.resources()).containsExactly("r1", "r2");
    assertThat(s.conditions()).extracting(Condition::values).containsExactly(
        java.util.List.of("false"), java.util.List.of("1", "2"));
    assertThat(p.variablesEnabled()).isTrue();
  }

  @Test
  void effectMustBeSpelledExactly() {
    assertThatThrownBy(() -> PolicyParser.parse("{\"Statement\":{\"Effect\":\"deny\",\"Action\":\"*\",\"Resource\":\"*\"}}", "g"))
        .hasMessage("g: at /Statement/Effect: Effect \"deny\" is neither Allow nor Deny (IAM spells it exactly \"Allow\" or \"Deny\")");
  }

  @Test
  void identityPolicyNeedsResourceButScpMayOmitIt() {
    String json = "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\"}}";
    assertThatThrownBy(() -> PolicyParser.parse(json, "g")).hasMessageContaining("neither Resource nor NotResource");
    assertThat(PolicyParser.parse(json, "scp", PolicyParser.Kind.SCP).statements().get(0).resources()).containsExactly("*");
  }

  @Test
  void numericOperatorNeedsANumber() {
    assertThatThrownBy(() -> PolicyParser.parse("{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Condition\":{\"NumericEquals\":{\"n\":\"abc\"}}}}", "g"))
        .hasMessageContaining("at /Statement/Condition/NumericEquals/n: NumericEquals value \"abc\" is not a number");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThatThrownBy(() -> PolicyParser.parse("{\"Statement\":[],\"Statement\":[]}", "g"))
        .hasMessageContaining("not valid JSON").hasMessageContaining("Duplicate");
  }

  @Test
  void notAnObject() {
    assertThatThrownBy(() -> PolicyParser.parse("[1]", "g")).hasMessageContaining("the document is not a JSON object");
  }
}
