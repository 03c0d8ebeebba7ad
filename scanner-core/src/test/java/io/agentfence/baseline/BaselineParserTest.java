package io.agentfence.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentfence.finding.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineParserTest {
  private static final String ZONE = String.join("\n",
      "version: 1",
      "landingZones:",
      "  - name: prod",
      "    accounts: ['111122223333']",
      "    regions: [us-east-1]",
      "    vpcId: vpc-0a1b2c3d",
      "    approvedSubnets: [subnet-0a1b2c3d]",
      "    approvedSecurityGroups: [sg-0a1b2c3d]",
      "    inspectionTargets: [tgw-0a1b2c3d]",
      "");

  private static List<String> errors(String yaml) {
    try {
      BaselineParser.parse(yaml, "agentfence.yaml");
    } catch (BaselineException e) {
      return e.errors().stream().map(BaselineError::render).toList();
    }
    throw new AssertionError("expected a BaselineException for:\n" + yaml);
  }

  @Test
  void bindsEveryKeyOfAValidBaseline() throws Exception {
    Path file = Path.of(getClass().getResource("/baseline/valid.yaml").toURI());
    Baseline b = BaselineParser.parse(file);

    assertThat(b.version()).isEqualTo(1);
    assertThat(b.source()).isEqualTo(file.toString());
    LandingZone z = b.landingZones().get(0);
    assertThat(z.name()).isEqualTo("prod-agents");
    assertThat(z.accounts()).containsExactly("111122223333", "012345678901");
    assertThat(z.regions()).containsExactly("us-east-1", "eu-west-1");
    assertThat(z.vpcId()).isEqualTo("vpc-0a1b2c3d4e5f60718");
    assertThat(z.approvedSubnets()).containsExactly("subnet-0a1b2c3d4e5f60718", "subnet-11112222");
    assertThat(z.approvedSecurityGroups()).containsExactly("sg-0a1b2c3d4e5f60718");
    assertThat(z.inspectionTargets()).containsExactly("tgw-0a1b2c3d4e5f60718");
    assertThat(b.guardrail().managedPolicies()).containsExactly("AgentCoreContainment");
    assertThat(b.guardrail().scps()).containsExactly("Deny AgentCore outside landing zone");
    assertThat(b.severityOverrides()).isEqualTo(Map.of("AF-NET-003", Severity.CRITICAL));
    Suppression s = b.suppressions().get(0);
    assertThat(s.ruleId()).isEqualTo("AF-NET-003");
    assertThat(s.resource()).contains("arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/legacy-*");
    assertThat(s.account()).contains("111122223333");
    assertThat(s.region()).contains("us-east-1");
    assertThat(s.tags()).isEqualTo(Map.of("Team", "search"));
    assertThat(s.owner()).isEqualTo("platform@example.com");
    assertThat(s.expires()).isEqualTo(LocalDate.of(2027, 3, 31));
  }

  @Test
  void optionalSectionsMayBeOmitted() {
    Baseline b = BaselineParser.parse(ZONE, "agentfence.yaml");
    assertThat(b.guardrail().isEmpty()).isTrue();
    assertThat(b.severityOverrides()).isEmpty();
    assertThat(b.suppressions()).isEmpty();
    assertThat(b.zoneFor("111122223333", "us-east-1", "vpc-0a1b2c3d")).isPresent();
  }

  @Test
  void unquotedAccountIdKeepsItsDigits() {
    Baseline b = BaselineParser.parse(ZONE.replace("['111122223333']", "[111122223333]"), "a.yaml");
    assertThat(b.landingZones().get(0).accounts()).containsExactly("111122223333");
  }

  @Test
  void unknownKeyPointsAtTheKeyAndSuggestsTheRightOne() {
    assertThat(errors(ZONE.replace("    regions:", "    regoins:")))
        .contains("agentfence.yaml:5:5: unknown key 'regoins' in landing zone. Did you mean 'regions'?"
            + " Allowed keys: name, accounts, regions, vpcId, approvedSubnets, approvedSecurityGroups,"
            + " inspectionTargets");
  }

  @Test
  void unknownTopLevelKey() {
    assertThat(errors(ZONE + "owner: me\n"))
        .containsExactly("agentfence.yaml:10:1: unknown key 'owner' in the baseline. Allowed keys:"
            + " version, landingZones, guardrail, severityOverrides, suppressions");
  }

  @Test
  void malformedAccountId() {
    assertThat(errors(ZONE.replace("'111122223333'", "'11112222333'")))
        .containsExactly("agentfence.yaml:4:16: '11112222333' in accounts is not an AWS account id."
            + " Account ids are 12 digits; quote them ('012345678901') so YAML keeps leading zeros");
  }

  @Test
  void malformedSubnetSecurityGroupVpcAndInspectionTarget() {
    String yaml = ZONE.replace("subnet-0a1b2c3d]", "subnet-xyz]")
        .replace("[sg-0a1b2c3d]", "[sg-0a1b2c3d, sg-12]")
        .replace("vpc-0a1b2c3d", "vpc-XYZ")
        .replace("tgw-0a1b2c3d", "nat-0a1b2c3d");
    assertThat(errors(yaml)).containsExactly(
        "agentfence.yaml:6:12: malformed vpcId 'vpc-XYZ'. Use the VPC id as shown by"
            + " 'aws ec2 describe-vpcs', e.g. 'vpc-0a1b2c3d4e5f60718'",
        "agentfence.yaml:7:23: 'subnet-xyz' in approvedSubnets is not a subnet id."
            + " Use subnet ids such as 'subnet-0a1b2c3d4e5f60718'",
        "agentfence.yaml:8:43: 'sg-12' in approvedSecurityGroups is not a security group id."
            + " Use security group ids such as 'sg-0a1b2c3d4e5f60718'",
        "agentfence.yaml:9:25: 'nat-0a1b2c3d' in inspectionTargets is not an inspection target id."
            + " Use the id the default route must reach: a transit gateway (tgw-…), ENI (eni-…),"
            + " Gateway Load Balancer endpoint (vpce-…) or instance (i-…)");
  }

  @Test
  void malformedRegion() {
    assertThat(errors(ZONE.replace("[us-east-1]", "[us-east-1, US-EAST-1, useast1]")))
        .containsExactly(
            "agentfence.yaml:5:26: 'US-EAST-1' in regions is not an AWS region."
                + " Use a region code such as 'us-east-1' or 'eu-west-3'",
            "agentfence.yaml:5:37: 'useast1' in regions is not an AWS region."
                + " Use a region code such as 'us-east-1' or 'eu-west-3'");
  }

  @Test
  void missingRequiredFieldPointsAtTheObject() {
    assertThat(errors(ZONE.replace("    vpcId: vpc-0a1b2c3d\n", "")))
        .containsExactly("agentfence.yaml:3:5: landing zone is missing required key 'vpcId'."
            + " Add 'vpcId:' to this landing zone");
  }

  @Test
  void missingVersionAndLandingZones() {
    assertThat(errors("guardrail:\n  scps: [x]\n")).containsExactly(
        "agentfence.yaml:1:1: the baseline is missing required key 'version'."
            + " Add 'version: 1' at the top of the file",
        "agentfence.yaml:1:1: the baseline is missing required key 'landingZones'."
            + " Add 'landingZones:' with at least one zone (see docs/baseline.md)");
  }

  @Test
  void unsupportedVersion() {
    assertThat(errors(ZONE.replace("version: 1", "version: 2"))).containsExactly(
        "agentfence.yaml:1:10: unsupported baseline version 2."
            + " This agentfence reads version 1; write 'version: 1'");
  }

  @Test
  void unknownSeverity() {
    assertThat(errors(ZONE + "severityOverrides:\n  AF-NET-001: severe\n  AF-NET-002: HIGH\n"))
        .containsExactly(
            "agentfence.yaml:11:15: unknown severity 'severe' for rule AF-NET-001."
                + " Use one of: critical, high, medium, low, info",
            "agentfence.yaml:12:15: unknown severity 'HIGH' for rule AF-NET-002."
                + " Use one of: critical, high, medium, low, info");
  }

  @Test
  void badDates() {
    String sup = "suppressions:\n"
        + "  - ruleId: AF-NET-001\n"
        + "    justification: accepted\n"
        + "    owner: me\n"
        + "    expires: 2026-02-30\n"
        + "  - ruleId: AF-NET-001\n"
        + "    justification: accepted\n"
        + "    owner: me\n"
        + "    expires: next year\n";
    assertThat(errors(ZONE + sup)).containsExactly(
        "agentfence.yaml:14:14: '2026-02-30' is not a calendar date."
            + " Write a real date as YYYY-MM-DD, e.g. '2026-12-31'",
        "agentfence.yaml:18:14: malformed expires 'next year'."
            + " Write the date as YYYY-MM-DD, e.g. '2026-12-31'");
  }

  @Test
  void suppressionMissingJustificationOwnerAndExpiry() {
    assertThat(errors(ZONE + "suppressions:\n  - ruleId: AF-NET-001\n")).containsExactly(
        "agentfence.yaml:11:5: suppression is missing required key 'justification'."
            + " Add 'justification:' to this suppression",
        "agentfence.yaml:11:5: suppression is missing required key 'owner'."
            + " Add 'owner:' to this suppression",
        "agentfence.yaml:11:5: suppression is missing required key 'expires'."
            + " Add 'expires:' to this suppression");
  }

  @Test
  void collectsAllErrorsInOnePassInFileOrder() {
    String yaml = ZONE.replace("'111122223333'", "'1'")
        .replace("    regions:", "    region:")
        + "severityOverrides:\n  AF-NET-001: severe\n";
    BaselineException e = (BaselineException) catchThrowable(yaml);
    assertThat(e.errors()).extracting(BaselineError::line).containsExactly(3, 4, 5, 11);
    assertThat(e.getMessage().lines()).hasSize(4);
  }

  @Test
  void duplicateKeyIsAnError() {
    assertThat(errors(ZONE.replace("    vpcId: vpc-0a1b2c3d\n",
        "    vpcId: vpc-0a1b2c3d\n    vpcId: vpc-11112222\n")))
        .containsExactly("agentfence.yaml:7:5: duplicate key 'vpcId'. Keep one 'vpcId' and remove the other");
  }

  @Test
  void invalidYamlNamesTheLocation() {
    List<String> errs = errors("version: 1\nlandingZones:\n  - name: [unclosed\n");
    assertThat(errs).hasSize(1);
    assertThat(errs.get(0)).startsWith("agentfence.yaml:").contains(": not valid YAML: ")
        .endsWith("Fix the YAML syntax (indentation, quoting, ':' after keys)");
  }

  @Test
  void emptyAndNonMappingDocuments() {
    assertThat(errors("")).containsExactly("agentfence.yaml:1:1: the baseline is empty."
        + " Start from docs/agentfence.example.yaml (version: 1, landingZones: [...])");
    assertThat(errors("- a\n- b\n")).containsExactly("agentfence.yaml:1:1: the baseline must be"
        + " a mapping of keys, not a list. Start from docs/agentfence.example.yaml");
  }

  @Test
  void missingFileIsABaselineError(@TempDir Path dir) {
    Path f = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> BaselineParser.parse(f)).isInstanceOf(BaselineException.class)
        .hasMessage(f + ":1:1: no such baseline file. Check the path, or start from"
            + " docs/agentfence.example.yaml");
  }

  @Test
  void unknownRuleIdsAreReportedForCallersThatKnowTheCatalogue() {
    Baseline b = BaselineParser.parse(ZONE + "severityOverrides:\n  AF-X-9: low\n  AF-NET-001: low\n",
        "a.yaml");
    assertThat(BaselineParser.unknownRuleIds(b, List.of("AF-NET-001"))).containsExactly("AF-X-9");
  }

  @Test
  void suggestionOnlyForCloseKeys() {
    assertThat(BaselineValidator.suggest("acounts", List.of("accounts", "regions")))
        .isEqualTo(Optional.of("accounts"));
    assertThat(BaselineValidator.suggest("zzzzzzzz", List.of("accounts", "regions"))).isEmpty();
  }

  private static Throwable catchThrowable(String yaml) {
    try {
      BaselineParser.parse(yaml, "agentfence.yaml");
      return null;
    } catch (BaselineException e) {
      return e;
    }
  }
}
