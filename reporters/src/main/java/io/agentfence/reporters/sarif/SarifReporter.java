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
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

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
  private static final String TERRAFORM_FILE = io.agentfence.terraform.AfterApplyCheck.FILE;
  private static final String TERRAFORM_LINE = io.agentfence.terraform.AfterApplyCheck.LINE;

  /**
   * SARIF is written compact: it is read by machines (GitHub, the Multitool, {@code jq}), and
   * indentation was a third of its bytes, all of which also had to be gzipped to measure a file.
   */
  static final JsonMapper SARIF_MAPPER = JsonMapper.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
      .build();

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
   * {@link #writeFiles}. Nothing is written to {@code out} before the whole log is known to fit,
   * so a refusal never leaves half a log on stdout.
   */
  @Override
  public void write(ScanReport report, Comparison comparison, OutputStream out) throws IOException {
    ReportView view = ReportView.of(report, comparison);
    Writing writing = new Writing(view);
    Packer packer = new Packer();
    List<byte[]> runs = new ArrayList<>();
    int[] files = {1};
    try (SerializedRuns<PlannedRun> serialized = writing.serializedRuns()) {
      serialized.each(plan(view), (run, bytes) -> {
        if (packer.startsNewFile(run.category(), bytes.gzippedSize())) {
          files[0]++;
          runs.clear(); // refused below anyway: keep counting files for the message, not bytes
        }
        if (files[0] == 1) {
          runs.add(bytes.copy());
        }
      });
    }
    if (files[0] > 1) {
      throw new SarifLimitException("the SARIF for this scan needs " + files[0] + " files to stay within GitHub's"
          + " limits (20 runs and 10 MB gzipped per file); write it with --output-dir DIR instead of --output/stdout");
    }
    out.write(FRAME_START);
    for (int i = 0; i < runs.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(runs.get(i));
    }
    out.write(FRAME_END);
    out.write('\n');
    out.flush();
  }

  /**
   * Writes as many files as GitHub's limits need: {@code first}, then {@code <stem>-2.sarif}, ...
   * next to it. Returns the files written, in order.
   *
   * <p>Streams: each run is serialised once and its gzipped size measured from those bytes
   * ({@link SerializedRuns}); the bytes then go to the current file, or open the next one when the
   * run would take the file past 20 runs or 10 MB gzipped. When a run cannot be written at all
   * (alone above 10 MB gzipped) the files already written are deleted, so a failure never leaves
   * an incomplete set behind.
   */
  public List<Path> writeFiles(ScanReport report, Comparison comparison, Path first) throws IOException {
    ReportView view = ReportView.of(report, comparison);
    List<PlannedRun> plan = plan(view);
    String name = first.getFileName().toString();
    String stem = name.endsWith(".sarif") ? name.substring(0, name.length() - ".sarif".length()) : name;
    List<Path> written = new ArrayList<>();
    OutputStream[] out = {null};
    boolean done = false;
    Packer packer = new Packer();
    try (SerializedRuns<PlannedRun> serialized = new Writing(view).serializedRuns()) {
      serialized.each(plan, (run, bytes) -> {
        if (packer.startsNewFile(run.category(), bytes.gzippedSize()) || out[0] == null) {
          if (out[0] != null) {
            out[0].write(FRAME_END);
            out[0].close();
          }
          Path p = written.isEmpty() ? first : first.resolveSibling(stem + "-" + (written.size() + 1) + ".sarif");
          written.add(p);
          out[0] = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
          out[0].write(FRAME_START);
        } else {
          out[0].write(',');
        }
        bytes.writeTo(out[0]);
      });
      out[0].write(FRAME_END);
      out[0].close();
      out[0] = null;
      done = true;
      return written;
    } finally {
      if (out[0] != null) {
        out[0].close();
      }
      if (!done) {
        for (Path p : written) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The logs (files) for a report, as the record model: each within GitHub's per-file limits. */
  public List<Log> logs(ScanReport report, Comparison comparison) {
    ReportView view = ReportView.of(report, comparison);
    Writing writing = new Writing(view);
    List<Log> logs = new ArrayList<>();
    List<Run> current = new ArrayList<>();
    Packer packer = new Packer();
    try (SerializedRuns<PlannedRun> serialized = writing.serializedRuns()) {
      serialized.each(plan(view), (run, bytes) -> {
        if (packer.startsNewFile(run.category(), bytes.gzippedSize()) && !current.isEmpty()) {
          logs.add(Log.of(List.copyOf(current)));
          current.clear();
        }
        current.add(writing.model(run));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    logs.add(Log.of(List.copyOf(current)));
    return logs;
  }

  /** The log frame around the runs, as serialising {@link Log} writes it: {@code {..."runs":[} and {@code ]}}. */
  private static final byte[] FRAME_START;
  private static final byte[] FRAME_END;

  static {
    String empty = new String(bytes(Log.of(List.of())), StandardCharsets.UTF_8);
    int at = empty.lastIndexOf("[]");
    FRAME_START = empty.substring(0, at + 1).getBytes(StandardCharsets.UTF_8);
    FRAME_END = empty.substring(at + 1).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Groups runs into files of at most 20 runs and 10 MB gzipped, in order. A file's gzipped size
   * is taken as the sum of its runs' gzipped sizes plus a margin for the frame
   * ({@link SarifLimits#GZIPPED_BYTES_PER_FILE}).
   */
  private static final class Packer {
    private int runs;
    private long bytes;

    /** Whether this run must start a new file; accounts for it in the file it goes to. */
    boolean startsNewFile(String category, long size) {
      if (size > SarifLimits.GZIPPED_BYTES_PER_FILE) {
        throw new SarifLimitException("the SARIF run " + category + " alone is " + size
            + " bytes gzipped, above GitHub's 10 MB limit; scan fewer regions per run (--region)");
      }
      boolean next = runs > 0 && (runs == SarifLimits.RUNS_PER_FILE || bytes + size > SarifLimits.GZIPPED_BYTES_PER_FILE);
      if (next) {
        runs = 0;
        bytes = 0;
      }
      runs++;
      bytes += size;
      return next;
    }
  }

  /** One item of a run: a current finding or a previous one that is gone. */
  private record Item(String accountId, String region, ReportView.Entry entry, PreviousFinding absent) {
    String ruleId() {
      return entry != null ? entry.finding().ruleId() : absent.ruleId();
    }

    Severity severity() {
      return entry != null ? entry.finding().severity() : absent.severity();
    }
  }

  /** One run to write: its category, the account it covers and its items (results not built yet). */
  private record PlannedRun(String category, String accountKey, List<Item> items, Predicate<String> regionFilter) {}

  /**
   * The runs, in order, with their items. Every limit that does not need the serialised bytes (25,000
   * results per run) is checked here, before anything is written.
   */
  private List<PlannedRun> plan(ReportView view) {
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
    List<PlannedRun> runs = new ArrayList<>();
    for (Map.Entry<String, List<Item>> acct : byAccount.entrySet()) {
      String category = CATEGORY_PREFIX + acct.getKey();
      if (acct.getValue().size() <= SarifLimits.RESULTS_PER_RUN) {
        runs.add(new PlannedRun(category, acct.getKey(), acct.getValue(), r -> true));
        continue;
      }
      TreeMap<String, List<Item>> byRegion = new TreeMap<>();
      acct.getValue().forEach(i -> byRegion.computeIfAbsent(i.region(), k -> new ArrayList<>()).add(i));
      for (Map.Entry<String, List<Item>> reg : byRegion.entrySet()) {
        if (reg.getValue().size() > SarifLimits.RESULTS_PER_RUN) {
          throw new SarifLimitException("account " + acct.getKey() + " region " + reg.getKey() + " has "
              + reg.getValue().size() + " results, above GitHub's 25,000 per run");
        }
        String region = reg.getKey();
        runs.add(new PlannedRun(category + "/" + region, acct.getKey(), reg.getValue(), r -> r.equals(region)));
      }
    }
    return runs;
  }

  private static String accountKey(String accountId) {
    return accountId.isEmpty() ? ResourcePaths.NO_ACCOUNT : accountId;
  }

  /** Everything of a run but its results, and the rule index its results point into. */
  private record RunFrame(Tool tool, AutomationDetails automationDetails, List<Invocation> invocations,
      Map<String, Object> properties, Map<String, Integer> ruleIndex) {}

  /**
   * One report being written: what every run shares is computed once (the catalogue's rule
   * descriptors, coverage gaps by account), not once per run — an organization has thousands.
   */
  private final class Writing {
    private final ReportView view;
    private final List<ReportingDescriptor> catalogue = new ArrayList<>();
    private final Map<String, Integer> catalogueIndex = new LinkedHashMap<>();
    private final Map<String, List<CoverageRecord>> gapsByAccount = new HashMap<>();
    private final boolean anyGap;

    Writing(ReportView view) {
      this.view = view;
      for (RuleMetadata r : view.report().rules()) {
        if (!catalogueIndex.containsKey(r.id())) {
          catalogueIndex.put(r.id(), catalogue.size());
          catalogue.add(RuleDescriptors.of(r));
        }
      }
      List<CoverageRecord> gaps = view.coverageGaps();
      gaps.forEach(c -> gapsByAccount.computeIfAbsent(accountKey(c.accountId()), k -> new ArrayList<>()).add(c));
      anyGap = !gaps.isEmpty();
    }

    SerializedRuns<PlannedRun> serializedRuns() {
      return new SerializedRuns<>(this::writeRun, SARIF_MAPPER::createGenerator);
    }

    private RunFrame frame(PlannedRun planned) {
      ScanReport report = view.report();
      List<ReportingDescriptor> rules = new ArrayList<>(catalogue);
      Map<String, Integer> ruleIndex = new HashMap<>(catalogueIndex);
      for (Item item : planned.items()) {
        // A rule id no longer in the catalogue (an absent result of a previous run) gets a descriptor too.
        if (!ruleIndex.containsKey(item.ruleId())) {
          ruleIndex.put(item.ruleId(), rules.size());
          rules.add(RuleDescriptors.unknown(item.ruleId(), item.severity()));
        }
      }
      if (rules.size() > SarifLimits.RULES_PER_RUN) {
        throw new SarifLimitException(rules.size() + " rules in one run, above GitHub's 25,000");
      }
      List<Notification> notes = new ArrayList<>();
      for (CoverageRecord c : gapsByAccount.getOrDefault(planned.accountKey(), List.of())) {
        if (planned.regionFilter().test(c.region()) || c.region().equals(CoverageRecord.GLOBAL)) {
          notes.add(notification(c));
        }
      }
      boolean successful = notes.isEmpty() && !report.collection().cancelled() && (report.complete() || anyGap);
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
      return new RunFrame(new Tool(driver), new AutomationDetails(planned.category() + "/"),
          List.of(new Invocation(successful, notes, invocationProps)), runProps, ruleIndex);
    }

    private Result result(Item item, Map<String, Integer> ruleIndex) {
      int index = ruleIndex.get(item.ruleId());
      return item.entry() != null
          ? SarifReporter.result(item.entry(), index, view.comparison().active())
          : absentResult(item.absent(), index);
    }

    /** A run as the record model (for {@link #logs}); the same content {@link #writeRun} streams. */
    Run model(PlannedRun planned) {
      RunFrame frame = frame(planned);
      List<Result> results = new ArrayList<>(planned.items().size());
      for (Item item : planned.items()) {
        results.add(result(item, frame.ruleIndex()));
      }
      return new Run(frame.tool(), frame.automationDetails(), frame.invocations(), results, frame.properties());
    }

    /**
     * Streams a run: the same bytes as serialising {@link #model}'s {@link Run} (the members in the
     * record's order), but each result is built, written and dropped in turn.
     */
    void writeRun(PlannedRun planned, JsonGenerator g) {
      RunFrame frame = frame(planned);
      g.writeStartObject();
      g.writeName("tool");
      SARIF_MAPPER.writeValue(g, frame.tool());
      g.writeName("automationDetails");
      SARIF_MAPPER.writeValue(g, frame.automationDetails());
      g.writeName("invocations");
      SARIF_MAPPER.writeValue(g, frame.invocations());
      g.writeArrayPropertyStart("results");
      for (Item item : planned.items()) {
        SARIF_MAPPER.writeValue(g, result(item, frame.ruleIndex()));
      }
      g.writeEndArray();
      g.writeName("properties");
      SARIF_MAPPER.writeValue(g, frame.properties());
      g.writeEndObject();
    }
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
    // The evidence travels twice, not four times: rendered in the message (what GitHub shows) and
    // structured in properties.evidence (kind, id, note: what scripts read, and what --previous
    // renders the chain from). No relatedLocations: GitHub shows them only when the message links
    // to them, each pointed at this result's own synthetic path, and they were a third of the bytes.
    List<EvidenceLink> links = f.evidence();
    Map<String, Object> props = resourceProps(f.resource(), f.status(), f.severity(), f.message());
    List<Map<String, String>> evidence = new ArrayList<>(links.size());
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
        new Message(RuleDescriptors.sentence(text.toString())), List.of(primary(f)),
        null, fingerprints(e.fingerprint()), suppressions,
        comparing ? e.baselineState().orElse(BaselineState.NEW).wireName() : null, props);
  }

  private static Result absentResult(PreviousFinding p, int ruleIndex) {
    String text = "No longer reported (absent since the previous run): " + (p.message().isBlank() ? p.ruleId() : p.message().strip());
    boolean unknown = p.status() == Status.UNKNOWN;
    return new Result(p.ruleId(), ruleIndex, unknown ? "review" : "fail", unknown ? "none" : RuleDescriptors.level(p.severity()),
        new Message(RuleDescriptors.sentence(text)), List.of(primary(p.resource())), null,
        fingerprints(p.fingerprint()), null, BaselineState.ABSENT.wireName(), absentProps(p));
  }

  /** A result that is gone has no evidence links of this run, only the chain it was reported with. */
  private static Map<String, Object> absentProps(PreviousFinding p) {
    Map<String, Object> props = resourceProps(p.resource(), p.status(), p.severity(), p.message());
    props.put("evidenceChain", p.chain());
    return props;
  }

  private static Map<String, Object> resourceProps(ResourceRef r, Status status, Severity severity, String message) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("status", status.name());
    props.put("severity", severity.name());
    props.put("resourceArn", r.arn());
    props.put("resourceKind", r.kind());
    props.put("resourceId", r.id());
    props.put("accountId", r.accountId());
    props.put("region", r.region());
    props.put("findingMessage", message);
    return props;
  }

  /**
   * A finding on a resource a Terraform plan creates or changes is shown on the line of its
   * {@code resource} block ({@code check --terraform-plan}): a repository-relative {@code .tf} path,
   * which GitHub places on the pull request's diff. Every other finding is about a cloud resource.
   */
  private static Location primary(Finding f) {
    String file = f.properties().get(TERRAFORM_FILE);
    String line = f.properties().get(TERRAFORM_LINE);
    if (file == null || line == null) {
      return primary(f.resource());
    }
    ResourceRef r = f.resource();
    return new Location(null, new PhysicalLocation(new ArtifactLocation(file), new Region(Integer.parseInt(line))),
        List.of(new LogicalLocation(r.id(), r.arn(), "resource")), null);
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
    return SARIF_MAPPER.writeValueAsBytes(value);
  }
}
