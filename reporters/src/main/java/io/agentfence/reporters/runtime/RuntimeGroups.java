package io.agentfence.reporters.runtime;

import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Status;
import io.agentfence.reporters.ReportView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The report seen per runtime, as people read it: one verdict per runtime (the containment rule
 * AF-CNT-001), the findings about each runtime and its endpoints, and the rest grouped by account.
 * Shared by the terminal view and the HTML report so both group alike.
 */
public final class RuntimeGroups {
  /** The containment rule whose result is each runtime's verdict. */
  public static final String CONTAINMENT_RULE = "AF-CNT-001";

  /**
   * One runtime.
   *
   * @param verdict   the containment verdict, or (without one) the worst status of its findings
   * @param findings  its other findings that are not PASS, in attention order
   */
  public record Runtime(ResourceRef ref, Status verdict, Optional<ReportView.Entry> containment,
      List<ReportView.Entry> findings) {
    /** The first broken (else unverified) link of the verdict, in words; empty when contained. */
    public String firstBrokenLink() {
      if (verdict == Status.PASS) {
        return "";
      }
      Optional<String> fromVerdict = containment.flatMap(c -> c.finding().evidence().stream()
          .filter(l -> l.kind().equals("rule") && l.note().startsWith(verdict.name() + " on "))
          .findFirst().map(RuntimeGroups::words));
      return fromVerdict.orElseGet(() -> findings.stream().filter(e -> e.finding().status() == verdict).findFirst()
          .map(e -> e.finding().ruleId() + ": " + e.finding().message()).orElse(verdict.name()));
    }
  }

  /** Findings about one account (or the organization when the account is empty) outside any runtime. */
  public record Scope(String accountId, List<ReportView.Entry> findings) {}

  private final List<Runtime> runtimes;
  private final List<ReportView.Entry> unreadRuntimes;
  private final List<Scope> scopes;

  private RuntimeGroups(List<Runtime> runtimes, List<ReportView.Entry> unreadRuntimes, List<Scope> scopes) {
    this.runtimes = runtimes;
    this.unreadRuntimes = unreadRuntimes;
    this.scopes = scopes;
  }

  /** Attention order: unsuppressed FAIL, UNKNOWN, then suppressed; by severity, rule, resource. */
  public static final Comparator<ReportView.Entry> ATTENTION = Comparator
      .<ReportView.Entry>comparingInt(e -> attentionGroup(e.finding()))
      .thenComparing(e -> e.finding().severity())
      .thenComparing(e -> e.finding().ruleId())
      .thenComparing(e -> e.finding().resource().arn());

  public static int attentionGroup(Finding f) {
    if (f.suppression().isPresent()) {
      return 2;
    }
    return f.status() == Status.FAIL ? 0 : f.status() == Status.UNKNOWN ? 1 : 3;
  }

  /** Groups the non-PASS findings of {@code view}; PASS findings only decide runtime verdicts. */
  public static RuntimeGroups of(ReportView view) {
    Map<String, ResourceRef> refs = new LinkedHashMap<>();
    Map<String, ReportView.Entry> verdicts = new LinkedHashMap<>();
    Map<String, List<ReportView.Entry>> byRuntime = new LinkedHashMap<>();
    Map<String, List<ReportView.Entry>> byAccount = new TreeMap<>();
    List<ReportView.Entry> unread = new ArrayList<>();
    for (ReportView.Entry e : view.entries()) {
      Finding f = e.finding();
      Optional<String> runtimeKey = runtimeOf(f);
      if (f.ruleId().equals(CONTAINMENT_RULE) && f.resource().kind().equals("runtime")) {
        refs.putIfAbsent(key(f.resource()), f.resource());
        verdicts.put(key(f.resource()), e);
        continue;
      }
      if (runtimeKey.isPresent() && f.resource().kind().equals("runtime")) {
        refs.putIfAbsent(runtimeKey.get(), f.resource());
      }
      if (f.status() == Status.PASS) {
        continue;
      }
      if (f.resource().kind().equals("runtimes")) {
        unread.add(e);
      } else if (runtimeKey.isPresent()) {
        byRuntime.computeIfAbsent(runtimeKey.get(), k -> new ArrayList<>()).add(e);
      } else {
        byAccount.computeIfAbsent(f.resource().accountId(), k -> new ArrayList<>()).add(e);
      }
    }
    // A runtime seen only through an endpoint's finding still gets a row.
    byRuntime.keySet().forEach(k -> refs.computeIfAbsent(k, RuntimeGroups::refOf));
    List<Runtime> runtimes = new ArrayList<>();
    refs.forEach((k, ref) -> {
      List<ReportView.Entry> fs = new ArrayList<>(byRuntime.getOrDefault(k, List.of()));
      fs.sort(ATTENTION);
      Optional<ReportView.Entry> c = Optional.ofNullable(verdicts.get(k));
      Status verdict = c.map(x -> x.finding().status()).orElseGet(() -> worst(fs));
      runtimes.add(new Runtime(ref, verdict, c, List.copyOf(fs)));
    });
    runtimes.sort(Comparator.<Runtime>comparingInt(r -> verdictOrder(r.verdict()))
        .thenComparing(r -> r.ref().accountId()).thenComparing(r -> r.ref().region()).thenComparing(r -> r.ref().id()));
    List<Scope> scopes = new ArrayList<>();
    byAccount.forEach((acct, fs) -> {
      List<ReportView.Entry> sorted = new ArrayList<>(fs);
      sorted.sort(Comparator.<ReportView.Entry, String>comparing(e -> e.finding().resource().region()).thenComparing(ATTENTION));
      scopes.add(new Scope(acct, List.copyOf(sorted)));
    });
    return new RuntimeGroups(List.copyOf(runtimes), List.copyOf(unread), List.copyOf(scopes));
  }

  public List<Runtime> runtimes() {
    return runtimes;
  }

  /** Results about a scope whose runtimes could not be listed (resource kind {@code runtimes}). */
  public List<ReportView.Entry> unreadRuntimes() {
    return unreadRuntimes;
  }

  public List<Scope> scopes() {
    return scopes;
  }

  /**
   * The runtime a finding is about: the runtime itself, or one of its endpoints (whose chain starts
   * at the runtime). Keyed by account, region and id.
   */
  static Optional<String> runtimeOf(Finding f) {
    ResourceRef r = f.resource();
    if (r.kind().equals("runtime")) {
      return Optional.of(key(r));
    }
    if (r.kind().equals("runtime-endpoint") && !f.evidence().isEmpty() && f.evidence().get(0).kind().equals("runtime")) {
      return Optional.of(r.accountId() + "\u0000" + r.region() + "\u0000" + f.evidence().get(0).id());
    }
    return Optional.empty();
  }

  private static String key(ResourceRef r) {
    return r.accountId() + "\u0000" + r.region() + "\u0000" + r.id();
  }

  private static ResourceRef refOf(String key) {
    String[] p = key.split("\u0000", 3);
    return new ResourceRef("runtime", p[2], "", p[0], p[1]);
  }

  private static Status worst(List<ReportView.Entry> fs) {
    boolean unknown = false;
    for (ReportView.Entry e : fs) {
      if (e.finding().counts()) {
        return Status.FAIL;
      }
      unknown |= e.finding().status() == Status.UNKNOWN;
    }
    return unknown ? Status.UNKNOWN : Status.PASS;
  }

  private static int verdictOrder(Status s) {
    return s == Status.FAIL ? 0 : s == Status.UNKNOWN ? 1 : 2;
  }

  /**
   * A verdict's rule link in words: {@code AF-EGR-001: target nat-1 (NAT gateway, not the
   * inspection target)} from the note {@code FAIL on runtime rt-1: target nat-1 (...)}.
   */
  static String words(EvidenceLink rule) {
    String note = rule.note();
    int on = note.indexOf(" on ");
    int colon = note.indexOf(": ", on < 0 ? 0 : on);
    String where = on < 0 || colon < 0 ? "" : note.substring(on + 4, colon);
    String what = colon < 0 ? note : note.substring(colon + 2);
    boolean aboutRuntime = where.startsWith("runtime ");
    return rule.id() + ": " + (where.isEmpty() || aboutRuntime ? "" : where + ": ") + what;
  }
}
