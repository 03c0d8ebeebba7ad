package io.agentfence.terraform;

import io.agentfence.check.Check;
import io.agentfence.check.CheckContext;
import io.agentfence.check.CompositeCheck;
import io.agentfence.check.RuleMetadata;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule of the catalogue, run on a plan's proposed world. Its findings are the rule's own, with
 * two additions, so no rule needs to know about Terraform:
 *
 * <ul>
 *   <li>A verdict that rests on something the plan does not know (a value known only after apply,
 *       the account, the region: {@link Placeholders}) is UNKNOWN, never PASS or FAIL. The marker
 *       shows in the finding's text or evidence, or the finding is about a planned resource whose
 *       document is known only after apply.</li>
 *   <li>A finding about a planned resource, or whose chain goes through one the plan changes,
 *       carries its address, change and {@code .tf} location as properties ({@value #FILE},
 *       {@value #LINE}, ...), which the SARIF reporter turns into a physical location.</li>
 * </ul>
 *
 * Composite rules are wrapped too and see the adjusted findings of the rules before them.
 */
public class AfterApplyCheck implements Check {
  public static final String ADDRESS = "terraform.address";
  public static final String ACTION = "terraform.action";
  public static final String FILE = "terraform.file";
  public static final String LINE = "terraform.line";
  public static final String UNKNOWN = "terraform.knownAfterApply";

  final Check delegate;
  final PlanIndex index;

  AfterApplyCheck(Check delegate, PlanIndex index) {
    this.delegate = delegate;
    this.index = index;
  }

  /** The catalogue, each rule wrapped. */
  public static List<Check> wrap(List<Check> catalogue, PlanIndex index) {
    List<Check> out = new ArrayList<>();
    for (Check c : catalogue) {
      out.add(c instanceof CompositeCheck ? new Composite((CompositeCheck) c, index) : new AfterApplyCheck(c, index));
    }
    return List.copyOf(out);
  }

  @Override
  public RuleMetadata metadata() {
    return delegate.metadata();
  }

  @Override
  public List<Finding> evaluate(CheckContext context) {
    return delegate.evaluate(context).stream().map(this::adjust).toList();
  }

  Finding adjust(Finding f) {
    return adjust(f, Map.of());
  }

  /**
   * @param inherited location properties to use when the plan index finds nothing for {@code f}
   *     (a composite verdict on a live runtime that fails because of a planned route)
   */
  Finding adjust(Finding f, Map<String, String> inherited) {
    Optional<PlanIndex.Entry> entry = index.find(f);
    Optional<String> marker = markerIn(f).or(() -> entry.flatMap(e -> e.unresolved().stream().findFirst()));
    Map<String, String> props = new LinkedHashMap<>(f.properties());
    if (entry.isEmpty()) {
      props.putAll(inherited);
    }
    entry.ifPresent(e -> {
      props.put(ADDRESS, e.resource().address());
      props.put(ACTION, e.resource().action());
      e.resource().location().ifPresent(l -> {
        props.put(FILE, l.file());
        props.put(LINE, Integer.toString(l.line()));
      });
    });
    Status status = f.status();
    String message = f.message();
    if (marker.isPresent() && status != Status.UNKNOWN) {
      props.put(UNKNOWN, marker.get());
      status = Status.UNKNOWN;
      message = "Cannot be judged before apply, it depends on " + describe(marker.get()) + ". The rule alone said: "
          + f.message();
    }
    return new Finding(f.ruleId(), status, f.severity(), f.resource(), message, f.evidence(), props, f.suppression());
  }

  private static String describe(String marker) {
    if (marker.equals(Placeholders.UNKNOWN_ACCOUNT)) {
      return "the account, which the plan does not say (give --account, or allowed_account_ids in the provider)";
    }
    if (marker.equals(Placeholders.UNKNOWN_REGION)) {
      return "the region, which the plan does not say (set region in the provider configuration)";
    }
    return "a value known only after apply: " + marker.substring(Placeholders.AFTER_APPLY.length()).strip();
  }

  private static Optional<String> markerIn(Finding f) {
    List<String> texts = new ArrayList<>(List.of(f.message(), f.resource().id(), f.resource().arn(),
        f.resource().accountId(), f.resource().region()));
    for (EvidenceLink l : f.evidence()) {
      texts.add(l.id());
      texts.add(l.note());
    }
    for (String t : texts) {
      Optional<String> m = Placeholders.markerIn(t);
      if (m.isPresent()) {
        // The whole marker with its address, when it is one of a value known after apply.
        int at = t.indexOf(Placeholders.AFTER_APPLY);
        return Optional.of(m.get().equals(Placeholders.AFTER_APPLY) ? firstToken(t.substring(at)) : m.get());
      }
    }
    return Optional.empty();
  }

  /** {@code (known after apply) module.x.aws_y.z.path} up to the next space or closing parenthesis. */
  private static String firstToken(String fromMarker) {
    String rest = fromMarker.substring(Placeholders.AFTER_APPLY.length()).stripLeading();
    int end = 0;
    while (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && ")',\"".indexOf(rest.charAt(end)) < 0) {
      end++;
    }
    return Placeholders.AFTER_APPLY + " " + rest.substring(0, end);
  }

  /** A composite rule: judged over the adjusted findings, and adjusted itself. */
  static final class Composite extends AfterApplyCheck implements CompositeCheck {
    Composite(CompositeCheck delegate, PlanIndex index) {
      super(delegate, index);
    }

    /**
     * A verdict over other rules points where the first failing finding on the same resource that
     * the plan located points: the verdict fails because of it.
     */
    @Override
    public List<Finding> evaluate(CheckContext context, List<Finding> prior) {
      Map<String, Map<String, String>> located = new LinkedHashMap<>();
      for (Finding p : prior) {
        if (p.failed() && p.properties().containsKey(FILE)) {
          Map<String, String> loc = new LinkedHashMap<>();
          for (String k : List.of(ADDRESS, ACTION, FILE, LINE)) {
            loc.put(k, p.properties().get(k));
          }
          located.putIfAbsent(p.resource().arn(), loc);
        }
      }
      return ((CompositeCheck) delegate).evaluate(context, prior).stream()
          .map(f -> adjust(f, located.getOrDefault(f.resource().arn(), Map.of()))).toList();
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
      return CompositeCheck.super.evaluate(context);
    }
  }
}
