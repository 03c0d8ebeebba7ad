package io.agentfence.schedules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigParserTest {
  private static final Path BASE = Path.of("/etc/agentfence");

  private static ScheduleConfig parse(String yaml) {
    return ConfigParser.parse(yaml, "schedules.yaml", BASE);
  }

  @Test
  void readsAFullSchedule() {
    ScheduleConfig c = parse("""
        version: 1
        dataDir: /var/lib/agentfence
        threads: 6
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            timeZone: Europe/Paris
            targets:
              accounts: ["111122223333", "444455556666"]
              regions: [us-east-1, eu-west-1]
              role: AgentfenceReadOnly
            baseline: agentfence.yaml
            outputs:
              reportsDir: reports
              formats: [sarif, markdown]
            retention:
              count: 30
              age: 90d
            webhook:
              url: https://hooks.slack.com/services/T/B/X
              format: slack
              retries: 5
        """);
    assertThat(c.dataDir()).contains(Path.of("/var/lib/agentfence"));
    assertThat(c.threads()).isEqualTo(6);
    ScheduleSpec s = c.schedules().get(0);
    assertThat(s.name()).isEqualTo("nightly");
    assertThat(s.cron()).isEqualTo("0 0 2 * * ?");
    assertThat(s.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(s.source().kind()).isEqualTo(SourceSpec.Kind.LIVE);
    assertThat(s.targets()).isEqualTo(new Targets(List.of("111122223333", "444455556666"), false,
        List.of("us-east-1", "eu-west-1"), Optional.of("AgentfenceReadOnly")));
    assertThat(s.baseline()).contains(BASE.resolve("agentfence.yaml"));
    assertThat(s.outputs()).isEqualTo(new Outputs(BASE.resolve("reports"), List.of("sarif", "markdown")));
    assertThat(s.retention()).isEqualTo(new Retention(Optional.of(30), Optional.of(Duration.ofDays(90))));
    assertThat(s.webhook()).hasValueSatisfying(w -> {
      assertThat(w.format()).isEqualTo(WebhookConfig.Format.SLACK);
      assertThat(w.retries()).isEqualTo(5);
    });
  }

  @Test
  void unknownKeyNamesFileLineAndColumn() {
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets: {accounts: ["111122223333"]}
            retension: {count: 3}
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("schedules.yaml:6:5: unknown key 'retension' in a schedule; allowed keys:")
        .hasMessageContaining("retention");
  }

  @Test
  void badCronTimeZoneAccountAndFormatAreLocated() {
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 25 * * ?"
            targets: {accounts: ["111122223333"]}
        """)).hasMessageStartingWith("schedules.yaml:4:11: invalid cron expression '0 0 25 * * ?'");
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            timeZone: Mars/Olympus
            targets: {accounts: ["111122223333"]}
        """)).hasMessage("schedules.yaml:5:15: unknown time zone 'Mars/Olympus'; use an IANA name such as Europe/Paris or UTC");
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets: {accounts: [12345]}
        """)).hasMessageStartingWith("schedules.yaml:5:25: account id '12345' must be 12 digits");
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets: {org: true}
            outputs: {formats: [pdf]}
        """)).hasMessageStartingWith("schedules.yaml:6:24: unknown report format 'pdf'");
  }

  @Test
  void aScheduleNeedsTargetsAndRetentionNeedsAValue() {
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
        """)).hasMessageStartingWith("schedules.yaml:3:5: schedule 'nightly': targets need 'accounts' or 'org: true'");
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets: {org: true}
            retention: {age: 3w}
        """)).hasMessageStartingWith("schedules.yaml:6:22: retention age '3w' must be a number with d, h or m");
  }

  @Test
  void liveTargetOptionsAreParsedStrictly() {
    ScheduleSpec s = parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets:
              org: true
              accounts: ["111122223333"]
              excludeAccounts: ["444455556666"]
              includeOus: [ou-ab12-11111111]
              excludeOus: [r-ab12]
              role: AgentfenceScan
              externalId: xyz
              profile: audit
              rate: 2.5
              concurrency: 8
              cold: true
        """).schedules().get(0);
    assertThat(s.targets()).isEqualTo(new Targets(List.of("111122223333"), true, List.of(), Optional.of("AgentfenceScan"),
        List.of("444455556666"), List.of("ou-ab12-11111111"), List.of("r-ab12"), Optional.of("xyz"),
        Optional.of("audit"), 2.5, 8, true));
    // Reading cold or warm does not change what a run covers: drift still compares the two.
    assertThat(s.targets().scopeKey())
        .isEqualTo("accounts=111122223333;org=true;regions=;excludeAccounts=444455556666;includeOus=ou-ab12-11111111;excludeOus=r-ab12");
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets: {org: true, rate: fast}
        """)).hasMessageStartingWith("schedules.yaml:5:32: schedule 'nightly'.targets.rate must be a positive number, not 'fast'");
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets: {accounts: ["111122223333"], includeOus: [ou-ab12-11111111]}
        """)).hasMessageStartingWith("schedules.yaml:5:55: schedule 'nightly'.targets: includeOus/excludeOus need 'org: true'");
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets: {org: true, excludeOus: [ou-1]}
        """)).hasMessageStartingWith("schedules.yaml:5:38: 'ou-1' is not an OU or root id");
  }

  @Test
  void regionsAreTheSameShapesTheCommandLineAndTheBaselineAccept() {
    // Two-digit region numbers used to pass --region and the baseline but fail here.
    ScheduleSpec s = parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets: {org: true, regions: [us-east-10, us-gov-west-1, cn-north-1, us-isob-east-1]}
        """).schedules().get(0);
    assertThat(s.targets().regions()).containsExactly("us-east-10", "us-gov-west-1", "cn-north-1", "us-isob-east-1");
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - name: nightly
            cron: "0 0 2 * * ?"
            targets: {org: true, regions: [us-east-100]}
        """)).hasMessageStartingWith("schedules.yaml:5:35: 'us-east-100' is not a region name such as us-east-1");
  }

  @Test
  void malformedYamlAndDuplicates() {
    assertThatThrownBy(() -> parse("version: 1\nschedules: [\n")).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("schedules.yaml:3:1: not valid YAML");
    assertThatThrownBy(() -> parse("""
        version: 1
        schedules:
          - {name: a, cron: "0 0 2 * * ?", targets: {org: true}}
          - {name: a, cron: "0 0 3 * * ?", targets: {org: true}}
        """)).hasMessage("schedules.yaml:4:5: duplicate schedule name 'a'");
  }

  @Test
  void replaySourceResolvesFilesAgainstTheConfigDirectory() {
    ScheduleSpec s = parse("""
        version: 1
        schedules:
          - name: demo
            cron: "0 */5 * * * ?"
            source: replay
            replay: [night1.json, /abs/night2.json]
        """).schedules().get(0);
    assertThat(s.source()).isEqualTo(new SourceSpec(SourceSpec.Kind.REPLAY,
        List.of(BASE.resolve("night1.json"), Path.of("/abs/night2.json"))));
  }
}
