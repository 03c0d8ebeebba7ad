package io.agentfence.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentfence.checks.support.Cidr;
import io.agentfence.checks.support.EndpointPolicies;
import io.agentfence.checks.support.Routes;
import io.agentfence.fixtures.scenario.SnapshotBuilder;
import io.agentfence.inventory.PolicyDocument;
import io.agentfence.inventory.Route;
import io.agentfence.inventory.RouteTable;
import io.agentfence.inventory.RouteTargetType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportTest {

  @ParameterizedTest(name = "{0} public={1}")
  @CsvSource({
      "8.8.8.8/32, true", "0.0.0.0/1, true", "10.1.0.0/16, false", "172.31.0.0/16, false", "172.32.0.0/16, true",
      "192.168.10.0/24, false", "100.64.0.0/10, false", "169.254.169.254/32, false", "52.94.0.0/22, true",
      "2600:1f18::/32, true", "fd00::/8, false", "fe80::/64, false", "::1/128, false", "2001:db8::/48, false"})
  void publicPrefixes(String cidr, boolean isPublic) {
    assertThat(Cidr.parse(cidr).orElseThrow().isPublic()).isEqualTo(isPublic);
  }

  @Test
  void parsingRejectsNonsenseAndNormalisesHostBits() {
    assertThat(Cidr.parse("10.0.0.1/8").orElseThrow().contains(Cidr.parse("10.200.0.0/16").orElseThrow())).isTrue();
    assertThat(Cidr.parse("256.0.0.0/8")).isEmpty();
    assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
    assertThat(Cidr.parse("example.com/8")).isEmpty();
    assertThat(Cidr.parse("1::2::3/64")).isEmpty();
    assertThat(Cidr.parse("2001:db8::1/128").orElseThrow().contains(Cidr.parse("2001:db8::1/128").orElseThrow())).isTrue();
    assertThat(Cidr.V4_DEFAULT.contains(Cidr.V6_DEFAULT)).isFalse();
  }

  @Test
  void longestPrefixWins() {
    Route dflt = SnapshotBuilder.v4("0.0.0.0/0", "vpce-0a000000000000e01");
    Route google = SnapshotBuilder.v4("8.8.8.0/24", "igw-0a0000000000000a1");
    Route host = SnapshotBuilder.v4("8.8.8.8/32", RouteTargetType.NAT_GATEWAY, "nat-0a0000000000000a1");
    RouteTable t = new RouteTable("rtb-1", "vpc-1", List.of(), List.of(dflt, host, google));
    assertThat(Routes.longestMatch(t, Cidr.parse("8.8.8.8/32").orElseThrow())).contains(host);
    assertThat(Routes.longestMatch(t, Cidr.parse("8.8.8.9/32").orElseThrow())).contains(google);
    assertThat(Routes.longestMatch(t, Cidr.parse("1.1.1.1/32").orElseThrow())).contains(dflt);
    assertThat(Routes.longestMatch(t, Cidr.V6_DEFAULT)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}|true",
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::corp-data/*\"}]}|false",
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceAccount\":\"222222222222\"}}}]}|false",
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"dynamodb:*\",\"Resource\":\"arn:aws:dynamodb:us-east-1:*:table/*\"}]}|true",
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222222222222:root\"},\"Action\":\"*\",\"Resource\":\"*\"}]}|false",
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"NotResource\":\"arn:aws:s3:::x\"}]}|true",
      "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}|false"})
  void endpointPolicyOpenness(String json, boolean open) {
    EndpointPolicies.Openness o = EndpointPolicies.evaluate(Optional.of(new PolicyDocument(json)));
    assertThat(o.invalid()).isFalse();
    assertThat(o.open()).isEqualTo(open);
  }

  @Test
  void missingOrBrokenPolicy() {
    assertThat(EndpointPolicies.evaluate(Optional.empty()).open()).isTrue();
    EndpointPolicies.Openness bad = EndpointPolicies.evaluate(Optional.of(new PolicyDocument("{\"Statement\": [")));
    assertThat(bad.invalid()).isTrue();
    assertThat(bad.reason()).startsWith("its endpoint policy is not valid JSON");
    assertThat(EndpointPolicies.evaluate(Optional.of(new PolicyDocument("[1,2]"))).invalid()).isTrue();
  }
}
