package io.agentfence.reporters.sarif;

import io.agentfence.check.RuleMetadata;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.ScanReport;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.reporters.Fingerprints;
import io.agentfence.reporters.JsonSupport;
import io.agentfence.reporters.ReportView;
import io.agentfence.reporters.Reporter;
import io.agentfence.reporters.compare.BaselineState;
import io.agentfence.reporters.compare.Comparison;
import io.agentfence.reporters.compare.PreviousFinding;
import io.agentfence.reporters.sarif.SarifModel.ArtifactLocation;
import io.agentfence.reporters.sarif.SarifModel.AutomationDetails;
import io.agentfence.reporters.sarif.SarifModel.Driver;
import io.agentfence.reporters.sarif.SarifModel.Invocation;
import io.agentfence.reporters.sarif.SarifModel.Location;
import io.agentfence.reporters.sarif.SarifModel.Log;
import io.agentfence.reporters.sarif.SarifModel.LogicalLocation;
import io.agentfence.reporters.sarif.SarifModel.Message;
import io.agentfence.reporters.sarif.SarifModel.Notification;
import io.agentfence.reporters.sarif.SarifModel.PhysicalLocation;
import io.agentfence.reporters.sarif.SarifModel.Region;
import io.agentfence.reporters.sarif.SarifModel.ReportingDescriptor;
import io.agentfence.reporters.sarif.SarifModel.Result;
import io.agentfence.reporters.sarif.SarifModel.Run;
import io.agentfence.reporters.sarif.SarifModel.Suppression;
import io.agentfence.reporters.sarif.SarifModel.Tool;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.util.RawValue;

/**
 * SARIF 2.1.0 that GitHub code scanning accepts, for findings about cloud resources
 * (docs/output-formats.md; research: sarif.md).
 *
 * <ul>
 *   <li>One run per AWS account, category {@code agentfence/aws/<account>} in
 *       {@code automationDetails.id}; an account with more than 25,000 results is split into one
 *       run per region ({@code agentfence/aws/<account>/<region>}). Every account in scope gets a
 *       run even with no results, so GitHub closes alerts that were fixed.</li>
 *   <li>Every result has a physical location {@code aws/<account>/<region>/<kind>/<id>} line 1,
 *       the ARN as a logical location, and our own {@code primaryLocationLineHash}.</li>
 *   <li>PASS findings are not results (GitHub would open an alert for each). UNKNOWN findings are
 *       {@code kind: review}, {@code level: none}: SARIF's "a human must decide", which is what
 *       "not read" means. Suppressed results stay, with {@code suppressions}.</li>
 *   <li>Coverage gaps are {@code toolExecutionNotifications}; {@code executionSuccessful} is false
 *       for a run whose account was not fully read.</li>
 * </ul>
 */
public final class SarifReporter implements Reporter {
  public static final String TOOL_NAME = "agentfence";
  /** Our own versioned fingerprint, the full SHA-256 (spec §3.27.17 naming). */
  public static final String FINGERPRINT_KEY = "agentfenceFinding/v1";
  public static final String CATEGORY_PREFIX = "agentfence/aws/";

  private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]+)?");

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String defaultFileName() {
    return "agentfence.sarif";
  }

  /**
   * Writes one SARIF log. When the organization needs more than one file (more than 20 account
   * runs, or more than 10 MB gzipped), this refuses rather than write a file GitHub rejects: use
   * {@link #writeFiles}.
   */
  @Override
  public void write(ScanReport report, Comparison comparison, OutputStream out) throws IOException {
    List<List<SerializedRun>> files = files(report, comparison);
    if (files.size() > 1) {
      throw new SarifLimitException("the SARIF for this scan needs " + files.size() + " files to stay within GitHub's"
          + " limits (20 runs and 10 MB gzipped per file); write it with --output-dir DIR instead of --output/stdout");
    }
    out.write(fileBytes(files.get(0)));
    out.write('\n');
    out.flush();
  }

  /**
   * Writes as many files as GitHub's limits need: {@code first}, then {@code <stem>-2.sarif}, ...
   * next to it. Returns the files written, in order.
   */
  public List<Path> writeFiles(ScanReport report, Comparison comparison, Path first) throws IOException {
    List<List<SerializedRun>> files = files(report, comparison);
    String name = first.getFileName().toString();
    String stem = name.endsWith(".sarif") ? name.substring(0, name.length() - ".sarif".length()) : name;
    List<Path> written = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path p = i == 0 ? first : first.resolveSibling(stem + "-" + (i + 1) + ".sarif");
      Files.write(p, fileBytes(files.get(i)));
      written.add(p);
    }
    return written;
  }

  /** The logs (files) for a report, as the record model: each within GitHub's per-file limits. */
  public List<Log> logs(ScanReport report, Comparison comparison) {
    List<Run> runs = new ArrayList<>();
    runs(ReportView.of(report, comparison), runs::add);
    List<Log> logs = new ArrayList<>();
    for (List<Run> file : pack(runs, r -> r.automationDetails().id(), r -> gzippedSize(bytes(r)))) {
      logs.add(Log.of(file));
    }
    return logs;
  }

  /**
   * One run serialised once: the same bytes give its gzipped size (for packing files) and are
   * written into the file, so a run is never serialised twice nor held as both model and JSON.
   */
  private record SerializedRun(String id, byte[] json, long gzippedSize) {
    static SerializedRun of(Run run) {
      byte[] json = bytes(run);
      return new SerializedRun(run.automationDetails().id(), json, SarifReporter.gzippedSize(json));
    }
  }

  private List<List<SerializedRun>> files(ScanReport report, Comparison comparison) {
    List<SerializedRun> runs = new ArrayList<>();
    runs(ReportView.of(report, comparison), run -> runs.add(SerializedRun.of(run)));
    return pack(runs, SerializedRun::id, SerializedRun::gzippedSize);
  }

  /** Groups runs into files of at most 20 runs and 10 MB gzipped, in order. */
  private static <T> List<List<T>> pack(List<T> runs, Function<T, String> id, ToLongFunction<T> gzippedSize) {
    List<List<T>> files = new ArrayList<>();
    List<T> current = new ArrayList<>();
    long currentBytes = 0;
    for (T run : runs) {
      long size = gzippedSize.applyAsLong(run);
      if (size > SarifLimits.GZIPPED_BYTES_PER_FILE) {
        throw new SarifLimitException("the SARIF run " + id.apply(run) + " alone is " + size
            + " bytes gzipped, above GitHub's 10 MB limit; scan fewer regions per run (--region)");
      }
      if (!current.isEmpty() && (current.size() == SarifLimits.RUNS_PER_FILE
          || currentBytes + size > SarifLimits.GZIPPED_BYTES_PER_FILE)) {
        files.add(List.copyOf(current));
        current.clear();
        currentBytes = 0;
      }
      current.add(run);
      currentBytes += size;
    }
    files.add(List.copyOf(current));
    return files;
  }

  /** The log frame as {@link Log} writes it, with each run's bytes inserted as they are. */
  private record FileLog(@JsonProperty("$schema") String schema, String version, List<RawValue> runs) {}

  /**
   * One file's bytes, identical to serialising {@code Log.of(runs)}: a run serialised on its own is
   * pretty-printed from column 0, inside {@code log.runs} one level in (arrays do not indent), so
   * each of its line breaks gets two more spaces. A raw line break only ever comes from the pretty printer (JSON strings escape
   * theirs).
   */
  private static byte[] fileBytes(List<SerializedRun> runs) {
    List<RawValue> raw = new ArrayList<>(runs.size());
    for (SerializedRun run : runs) {
      raw.add(new RawValue(new String(run.json(), StandardCharsets.UTF_8).replace("\n", "\n  ")));
    }
    return bytes(new FileLog(SarifModel.SCHEMA, Log.of(List.of()).version(), raw));
  }

  /** One item of a run: a current finding or a previous one that is gone. */
  private record Item(String accountId, String region, ReportView.Entry entry, PreviousFinding absent) {}

  /** Builds the runs in order and hands each to {@code sink}, so a caller need not hold them all. */
  private void runs(ReportView view, Consumer<Run> sink) {
    ScanReport report = view.report();
    // Every account in scope gets a run, results or not: an empty run closes fixed alerts.
    TreeMap<String, List<Item>> byAccount = new TreeMap<>();
    report.coverage().forEach(c -> byAccount.computeIfAbsent(accountKey(c.accountId()), k -> new ArrayList<>()));
    for (ReportView.Entry e : view.entries()) {
      List<Item> items = byAccount.computeIfAbsent(accountKey(e.finding().resource().accountId()), k -> new ArrayList<>());
      if (Comparison.reportable(e.finding())) {
        items.add(new Item(e.finding().resource().accountId(), e.finding().resource().region(), e, null));
      }
    }
    for (PreviousFinding p : view.comparison().absent()) {
      byAccount.computeIfAbsent(accountKey(p.resource().accountId()), k -> new ArrayList<>())
          .add(new Item(p.resource().accountId(), p.resource().region(), null, p));
    }
    if (byAccount.isEmpty()) {
      byAccount.put(ResourcePaths.NO_ACCOUNT, new ArrayList<>());
    }
    for (Map.Entry<String, List<Item>> acct : byAccount.entrySet()) {
      String category = CATEGORY_PREFIX + acct.getKey();
      if (acct.getValue().size() <= SarifLimits.RESULTS_PER_RUN) {
        sink.accept(run(view, category, acct.getKey(), acct.getValue(), r -> true));
        continue;
      }
      TreeMap<String, List<Item>> byRegion = new TreeMap<>();
      acct.getValue().forEach(i -> byRegion.computeIfAbsent(i.region(), k -> new ArrayList<>()).add(i));
      for (Map.Entry<String, List<Item>> reg : byRegion.entrySet()) {
        if (reg.getValue().size() > SarifLimits.RESULTS_PER_RUN) {
          throw new SarifLimitException("account " + acct.getKey() + " region " + reg.getKey() + " has "
              + reg.getValue().size() + " results, above GitHub's 25,000 per run");
        }
        sink.accept(run(view, category + "/" + reg.getKey(), acct.getKey(), reg.getValue(),
            r -> r.equals(reg.getKey())));
      }
    }
  }

  private static String accountKey(String accountId) {
    return accountId.isEmpty() ? ResourcePaths.NO_ACCOUNT : accountId;
  }

  private Run run(ReportView view, String category, String accountKey, List<Item> items,
      java.util.function.Predicate<String> regionFilter) {
    ScanReport report = view.report();
    List<ReportingDescriptor> rules = new ArrayList<>();
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (RuleMetadata r : report.rules()) {
      if (!ruleIndex.containsKey(r.id())) {
        ruleIndex.put(r.id(), rules.size());
        rules.add(RuleDescriptors.of(r));
      }
    }
    Function<String, Integer> indexOf = id -> ruleIndex.get(id);
    List<Result> results = new ArrayList<>();
    for (Item item : items) {
      String ruleId = item.entry() != null ? item.entry().finding().ruleId() : item.absent().ruleId();
      if (!ruleIndex.containsKey(ruleId)) {
        Severity sev = item.entry() != null ? item.entry().finding().severity() : item.absent().severity();
        ruleIndex.put(ruleId, rules.size());
        rules.add(RuleDescriptors.unknown(ruleId, sev));
      }
      results.add(item.entry() != null
          ? result(item.entry(), indexOf.apply(ruleId), view.comparison().active())
          : absentResult(item.absent(), indexOf.apply(ruleId)));
    }
    if (rules.size() > SarifLimits.RULES_PER_RUN) {
      throw new SarifLimitException(rules.size() + " rules in one run, above GitHub's 25,000");
    }
    List<Notification> notes = new ArrayList<>();
    for (CoverageRecord c : view.coverageGaps()) {
      if (accountKey(c.accountId()).equals(accountKey) && (regionFilter.test(c.region()) || c.region().equals(CoverageRecord.GLOBAL))) {
        notes.add(notification(c));
      }
    }
    boolean successful = notes.isEmpty() && !report.collection().cancelled()
        && (report.complete() || !view.coverageGaps().isEmpty());
    Map<String, Object> invocationProps = new LinkedHashMap<>();
    invocationProps.put("scanComplete", report.complete());
    invocationProps.put("coverageGaps", notes.size());
    Map<String, Object> runProps = new LinkedHashMap<>();
    runProps.put("collectionSource", report.collection().source());
    runProps.put("baselineSource", report.baselineSource());
    if (view.comparison().active()) {
      runProps.put("previousResults", view.comparison().previousSource());
    }
    String version = report.toolVersion();
    Driver driver = new Driver(TOOL_NAME, version, SEMVER.matcher(version).matches() ? version : null, null, rules);
    return new Run(new Tool(driver), new AutomationDetails(category + "/"),
        List.of(new Invocation(successful, notes, invocationProps)), results, runProps);
  }

  private static Notification notification(CoverageRecord c) {
    StringBuilder text = new StringBuilder("Could not read ").append(c.kind().name()).append(" in account ")
        .append(c.accountId()).append(" region ").append(c.region()).append(": ").append(c.status().name());
    c.operation().ifPresent(o -> text.append(" (").append(o).append(c.errorCode().map(e -> " " + e).orElse("")).append(')'));
    c.message().ifPresent(m -> text.append(": ").append(m));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("accountId", c.accountId());
    props.put("region", c.region());
    props.put("kind", c.kind().name());
    props.put("status", c.status().name());
    c.operation().ifPresent(v -> props.put("operation", v));
    c.errorCode().ifPresent(v -> props.put("errorCode", v));
    return new Notification("error", new Message(RuleDescriptors.sentence(text.toString())), null, null, props);
  }

  private static Result result(ReportView.Entry e, int ruleIndex, boolean comparing) {
    Finding f = e.finding();
    boolean unknown = f.status() == Status.UNKNOWN;
    StringBuilder text = new StringBuilder();
    if (unknown) {
      text.append("Could not be verified (UNKNOWN): ");
    }
    text.append(f.message().isBlank() ? "Rule " + f.ruleId() + " failed on " + f.resource().arn() : f.message().strip());
    if (!f.chain().isEmpty()) {
      text.append(text.charAt(text.length() - 1) == '.' ? " " : ". ").append("Evidence: ").append(f.chain());
    }
    List<Location> related = new ArrayList<>();
    List<EvidenceLink> links = f.evidence();
    for (int i = 0; i < links.size() && i < SarifLimits.RELATED_LOCATIONS_PER_RESULT; i++) {
      EvidenceLink l = links.get(i);
      String id = l.id().isBlank() ? l.kind() : l.id();
      // Evidence links are not all resources (a route, a justification), so each related location
      // points at the finding's own resource and names the link logically and in its message.
      related.add(new Location(i + 1,
          new PhysicalLocation(new ArtifactLocation(ResourcePaths.of(f.resource())), new Region(1)),
          List.of(new LogicalLocation(id, null, l.kind())), new Message(RuleDescriptors.sentence(l.render()))));
    }
    Map<String, Object> props = resourceProps(f.resource(), f.status(), f.severity(), f.message(), f.chain());
    List<Map<String, String>> evidence = new ArrayList<>();
    for (EvidenceLink l : links) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("kind", l.kind());
      m.put("id", l.id());
      m.put("note", l.note());
      evidence.add(m);
    }
    props.put("evidence", evidence);
    if (!f.properties().isEmpty()) {
      props.put("facts", f.properties());
    }
    List<Suppression> suppressions = f.suppression().map(s -> {
      Map<String, Object> sp = new LinkedHashMap<>();
      sp.put("owner", s.owner());
      sp.put("expires", s.expires().toString());
      return List.of(new Suppression("external", "accepted", s.justification(), sp));
    }).orElse(null);
    return new Result(f.ruleId(), ruleIndex, unknown ? "review" : "fail",
        unknown ? "none" : RuleDescriptors.level(f.severity()),
        new Message(RuleDescriptors.sentence(text.toString())), List.of(primary(f.resource())),
        related.isEmpty() ? null : related, fingerprints(e.fingerprint()), suppressions,
        comparing ? e.baselineState().orElse(BaselineState.NEW).wireName() : null, props);
  }

  private static Result absentResult(PreviousFinding p, int ruleIndex) {
    String text = "No longer reported (absent since the previous run): " + (p.message().isBlank() ? p.ruleId() : p.message().strip());
    boolean unknown = p.status() == Status.UNKNOWN;
    return new Result(p.ruleId(), ruleIndex, unknown ? "review" : "fail", unknown ? "none" : RuleDescriptors.level(p.severity()),
        new Message(RuleDescriptors.sentence(text)), List.of(primary(p.resource())), null,
        fingerprints(p.fingerprint()), null, BaselineState.ABSENT.wireName(),
        resourceProps(p.resource(), p.status(), p.severity(), p.message(), p.chain()));
  }

  private static Map<String, Object> resourceProps(ResourceRef r, Status status, Severity severity, String message, String chain) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("status", status.name());
    props.put("severity", severity.name());
    props.put("resourceArn", r.arn());
    props.put("resourceKind", r.kind());
    props.put("resourceId", r.id());
    props.put("accountId", r.accountId());
    props.put("region", r.region());
    props.put("findingMessage", message);
    props.put("evidenceChain", chain);
    return props;
  }

  private static Location primary(ResourceRef r) {
    return new Location(null,
        new PhysicalLocation(new ArtifactLocation(ResourcePaths.of(r)), new Region(1)),
        List.of(new LogicalLocation(r.id(), r.arn(), "resource")), null);
  }

  private static Map<String, String> fingerprints(String fp) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("primaryLocationLineHash", Fingerprints.primaryLocationLineHash(fp));
    m.put(FINGERPRINT_KEY, fp);
    return m;
  }

  static byte[] bytes(Object value) {
    return JsonSupport.MAPPER.writeValueAsBytes(value);
  }

  private static long gzippedSize(byte[] json) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      gz.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.size();
  }
}
