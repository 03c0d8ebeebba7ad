package io.agentfence.schedules.config;

import io.agentfence.target.TargetIds;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the schedule configuration strictly: unknown keys, bad cron expressions, unknown time
 * zones and malformed values are {@link ConfigException}s naming file:line:column and the fix.
 * Relative paths are resolved against the directory of the configuration file.
 */
public final class ConfigParser {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern AGE = Pattern.compile("(\\d+)([dhm])");

  private ConfigParser() {}

  public static ScheduleConfig parse(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": no such schedule configuration file");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), base);
  }

  public static ScheduleConfig parse(String text, String name, Path baseDir) {
    Node root;
    try {
      root = new Compose(LoadSettings.builder().setLabel(name).build()).composeString(text)
          .orElseThrow(() -> new ConfigException(name + ": the file is empty; see docs/schedules.md"));
    } catch (MarkedYamlEngineException e) {
      String at = e.getProblemMark().map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("");
      throw new ConfigException(name + at + ": not valid YAML: " + e.getProblem(), e);
    } catch (YamlEngineException e) {
      throw new ConfigException(name + ": not valid YAML: " + e.getMessage(), e);
    }
    YamlNodes y = new YamlNodes(name);
    Map<String, Node> top = y.mapping(root, "the configuration", Set.of("version", "dataDir", "threads", "schedules"));
    String version = y.required(top, root, "version", "the configuration");
    if (!version.equals("1")) {
      throw y.error(top.get("version"), "unsupported version '" + version + "'; this build reads version 1");
    }
    Optional<Path> dataDir = y.optional(top, "dataDir", "the configuration").map(p -> resolve(baseDir, p));
    int threads = top.containsKey("threads") ? y.positiveInt(top.get("threads"), "threads") : 4;
    Node list = top.get("schedules");
    if (list == null) {
      throw y.error(root, "the configuration is missing required key 'schedules'");
    }
    List<ScheduleSpec> specs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node item : y.sequence(list, "schedules")) {
      ScheduleSpec spec = schedule(y, item, baseDir);
      if (!names.add(spec.name())) {
        throw y.error(item, "duplicate schedule name '" + spec.name() + "'");
      }
      specs.add(spec);
    }
    if (specs.isEmpty()) {
      throw y.error(list, "schedules must list at least one schedule");
    }
    return new ScheduleConfig(name, dataDir, threads, specs);
  }

  private static ScheduleSpec schedule(YamlNodes y, Node node, Path baseDir) {
    Map<String, Node> m = y.mapping(node, "a schedule", Set.of("name", "cron", "timeZone", "source", "replay",
        "targets", "baseline", "outputs", "retention", "webhook"));
    String name = y.required(m, node, "name", "a schedule");
    if (!NAME.matcher(name).matches()) {
      throw y.error(m.get("name"), "schedule name '" + name + "' must be letters, digits, '.', '_' or '-'");
    }
    String what = "schedule '" + name + "'";
    String cron = y.required(m, node, "cron", what);
    try {
      new CronExpression(cron);
    } catch (java.text.ParseException e) {
      throw y.error(m.get("cron"), "invalid cron expression '" + cron + "': " + e.getMessage()
          + ". Quartz cron has 6 or 7 fields: sec min hour day-of-month month day-of-week [year],"
          + " e.g. '0 0 2 * * ?' for 02:00 every day");
    }
    ZoneId zone = ZoneId.of("UTC");
    if (m.containsKey("timeZone")) {
      String tz = y.scalar(m.get("timeZone"), what + ".timeZone").trim();
      try {
        zone = ZoneId.of(tz);
      } catch (DateTimeException e) {
        throw y.error(m.get("timeZone"), "unknown time zone '" + tz + "'; use an IANA name such as Europe/Paris or UTC");
      }
    }
    SourceSpec source = source(y, m, what, baseDir);
    Targets targets = targets(y, m.get("targets"), node, what);
    if (source.kind() == SourceSpec.Kind.LIVE && targets.accounts().isEmpty() && !targets.org()) {
      throw y.error(m.getOrDefault("targets", node), what + ": targets need 'accounts' or 'org: true'");
    }
    Optional<Path> baseline = y.optional(m, "baseline", what).map(p -> resolve(baseDir, p));
    Outputs outputs = outputs(y, m.get("outputs"), what, baseDir, name);
    Retention retention = m.containsKey("retention") ? retention(y, m.get("retention"), what) : Retention.keepAll();
    Optional<WebhookConfig> webhook = m.containsKey("webhook")
        ? Optional.of(webhook(y, m.get("webhook"), what)) : Optional.empty();
    return new ScheduleSpec(name, cron, zone, source, targets, baseline, outputs, retention, webhook);
  }

  private static SourceSpec source(YamlNodes y, Map<String, Node> m, String what, Path baseDir) {
    String kind = y.optional(m, "source", what).orElse("live");
    SourceSpec.Kind k;
    try {
      k = SourceSpec.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw y.error(m.get("source"), what + ".source must be live, demo or replay, not '" + kind + "'");
    }
    if (k == SourceSpec.Kind.REPLAY) {
      Node files = m.get("replay");
      if (files == null) {
        throw y.error(m.get("source"), what + ": source replay needs 'replay: [snapshot files]'");
      }
      List<Path> paths = y.strings(files, what + ".replay").stream().map(p -> resolve(baseDir, p)).toList();
      if (paths.isEmpty()) {
        throw y.error(files, what + ".replay must list at least one snapshot file");
      }
      return new SourceSpec(k, paths);
    }
    if (m.containsKey("replay")) {
      throw y.error(m.get("replay"), what + ".replay is only allowed with source: replay");
    }
    return new SourceSpec(k, List.of());
  }

  private static Targets targets(YamlNodes y, Node node, Node parent, String what) {
    if (node == null) {
      return new Targets(List.of(), false, List.of(), Optional.empty());
    }
    String w = what + ".targets";
    Map<String, Node> m = y.mapping(node, w, Set.of("accounts", "org", "regions", "role", "excludeAccounts",
        "includeOus", "excludeOus", "externalId", "profile", "rate", "concurrency", "cold"));
    List<String> accounts = accountIds(y, m, "accounts", w);
    boolean org = m.containsKey("org") && y.bool(m.get("org"), w + ".org");
    List<String> regions = m.containsKey("regions") ? y.strings(m.get("regions"), w + ".regions") : List.of();
    for (String r : regions) {
      if (!TargetIds.region(r)) {
        throw y.error(m.get("regions"), "'" + r + "' is not a region name such as us-east-1");
      }
    }
    List<String> excludeAccounts = accountIds(y, m, "excludeAccounts", w);
    List<String> includeOus = ouIds(y, m, "includeOus", w);
    List<String> excludeOus = ouIds(y, m, "excludeOus", w);
    if (!org && (!includeOus.isEmpty() || !excludeOus.isEmpty())) {
      Node at = m.containsKey("includeOus") ? m.get("includeOus") : m.get("excludeOus");
      throw y.error(at, w + ": includeOus/excludeOus need 'org: true' (OU paths come from Organizations)");
    }
    Optional<String> role = y.optional(m, "role", w);
    double rate = m.containsKey("rate") ? y.positiveNumber(m.get("rate"), w + ".rate") : Targets.DEFAULT_RATE;
    int concurrency = m.containsKey("concurrency")
        ? y.positiveInt(m.get("concurrency"), w + ".concurrency") : Targets.DEFAULT_CONCURRENCY;
    boolean cold = m.containsKey("cold") && y.bool(m.get("cold"), w + ".cold");
    return new Targets(accounts, org, regions, role, excludeAccounts, includeOus, excludeOus,
        y.optional(m, "externalId", w), y.optional(m, "profile", w), rate, concurrency, cold);
  }

  private static List<String> accountIds(YamlNodes y, Map<String, Node> m, String key, String what) {
    List<String> ids = m.containsKey(key) ? y.strings(m.get(key), what + "." + key) : List.of();
    for (String a : ids) {
      if (!TargetIds.account(a)) {
        throw y.error(m.get(key), "account id '" + a + "' must be 12 digits (quote it so YAML keeps leading zeros)");
      }
    }
    return ids;
  }

  private static List<String> ouIds(YamlNodes y, Map<String, Node> m, String key, String what) {
    List<String> ids = m.containsKey(key) ? y.strings(m.get(key), what + "." + key) : List.of();
    for (String o : ids) {
      if (!TargetIds.ou(o)) {
        throw y.error(m.get(key), "'" + o + "' is not an OU or root id such as ou-ab12-11111111 or r-ab12");
      }
    }
    return ids;
  }

  private static Outputs outputs(YamlNodes y, Node node, String what, Path baseDir, String name) {
    if (node == null) {
      return new Outputs(resolve(baseDir, "reports"), Outputs.DEFAULT_FORMATS);
    }
    Map<String, Node> m = y.mapping(node, what + ".outputs", Set.of("reportsDir", "formats"));
    Path dir = resolve(baseDir, y.optional(m, "reportsDir", what + ".outputs").orElse("reports"));
    List<String> formats = m.containsKey("formats") ? y.strings(m.get("formats"), what + ".outputs.formats") : Outputs.DEFAULT_FORMATS;
    for (String f : formats) {
      if (!Outputs.KNOWN_FORMATS.contains(f)) {
        throw y.error(m.get("formats"), "unknown report format '" + f + "'; use " + String.join(", ", Outputs.KNOWN_FORMATS));
      }
    }
    return new Outputs(dir, formats);
  }

  private static Retention retention(YamlNodes y, Node node, String what) {
    Map<String, Node> m = y.mapping(node, what + ".retention", Set.of("count", "age"));
    Optional<Integer> count = m.containsKey("count")
        ? Optional.of(y.positiveInt(m.get("count"), what + ".retention.count")) : Optional.empty();
    Optional<Duration> age = Optional.empty();
    if (m.containsKey("age")) {
      String v = y.scalar(m.get("age"), what + ".retention.age").trim();
      Matcher mt = AGE.matcher(v);
      if (!mt.matches() || Long.parseLong(mt.group(1)) == 0) {
        throw y.error(m.get("age"), "retention age '" + v + "' must be a number with d, h or m, e.g. 90d");
      }
      long n = Long.parseLong(mt.group(1));
      age = Optional.of(switch (mt.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofMinutes(n);
      });
    }
    if (count.isEmpty() && age.isEmpty()) {
      throw y.error(node, what + ".retention needs 'count' and/or 'age'");
    }
    return new Retention(count, age);
  }

  private static WebhookConfig webhook(YamlNodes y, Node node, String what) {
    Map<String, Node> m = y.mapping(node, what + ".webhook", Set.of("url", "format", "retries", "timeoutSeconds"));
    String url = y.required(m, node, "url", what + ".webhook");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw y.error(m.get("url"), "webhook url '" + url + "' is not a URL: " + e.getReason());
    }
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw y.error(m.get("url"), "webhook url must start with https:// (or http:// for a local receiver)");
    }
    String format = y.optional(m, "format", what + ".webhook").orElse("generic");
    WebhookConfig.Format f;
    try {
      f = WebhookConfig.Format.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw y.error(m.get("format"), "webhook format must be generic or slack, not '" + format + "'");
    }
    int retries = 3;
    if (m.containsKey("retries")) {
      String r = y.scalar(m.get("retries"), what + ".webhook.retries").trim();
      if (!r.matches("\\d{1,2}")) {
        throw y.error(m.get("retries"), "webhook retries must be a number from 0 to 99");
      }
      retries = Integer.parseInt(r);
    }
    int timeout = m.containsKey("timeoutSeconds") ? y.positiveInt(m.get("timeoutSeconds"), what + ".webhook.timeoutSeconds") : 10;
    return new WebhookConfig(uri, f, retries, Duration.ofSeconds(timeout));
  }

  private static Path resolve(Path baseDir, String p) {
    Path path = Path.of(p);
    return path.isAbsolute() || baseDir == null ? path : baseDir.resolve(path).normalize();
  }
}
