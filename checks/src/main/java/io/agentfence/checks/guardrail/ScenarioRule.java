package io.agentfence.checks.guardrail;

import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.Status;
import io.agentfence.iam.Decision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A rule that evaluates a guardrail on some scenarios and fails when any is not as required. */
abstract class ScenarioRule extends GuardrailTargetCheck {
  /** The scenario ids this rule judges. */
  abstract List<String> scenarioIds();

  /** What a passing guardrail does, for the PASS message. */
  abstract String passMessage();

  /** Extra text for the message (e.g. a cost the guardrail imposes), may be empty. */
  String remark(List<ScenarioOutcome> all) {
    return "";
  }

  @Override
  Optional<Finding> judge(GuardrailTarget t) {
    List<ScenarioOutcome> all = GuardrailAnalyzer.scenarios(t.set(),
        Scenarios.all(t.approvedSubnets(), t.approvedSgs(), t.principal()));
    List<ScenarioOutcome> mine = all.stream().filter(o -> scenarioIds().contains(o.scenario().id())).toList();
    List<ScenarioOutcome> bad = mine.stream().filter(o -> !o.ok()).toList();
    Set<String> notes = new LinkedHashSet<>();
    mine.forEach(o -> notes.addAll(o.decision().notes().stream().filter(ScenarioRule::undocumented).toList()));
    String noteText = notes.isEmpty() ? "" : " Note: " + String.join("; ", notes) + ".";
    String remark = remark(all);
    if (bad.isEmpty()) {
      return Optional.of(GuardrailFindings.of(this, Status.PASS, t.ref(),
          t.kindLabel() + " " + t.name() + " " + passMessage() + "." + remark + noteText,
          GuardrailFindings.chain(t), GuardrailFindings.props("scenarios", String.join(",", scenarioIds()))));
    }
    List<EvidenceLink> evidence = new ArrayList<>(GuardrailFindings.chain(t));
    for (ScenarioOutcome o : bad) {
      Decision d = o.decision();
      if (d.denied()) {
        evidence.add(EvidenceLink.of("statement", d.deniedBy().get().label(), "denies it"));
      } else {
        d.denyStatementsThatDidNotFire().forEach(r -> evidence.add(EvidenceLink.of("statement", r.label(), "does not fire")));
      }
      evidence.add(EvidenceLink.of("scenario", o.scenario().id(), o.decision().outcome() + ", must be " + o.expected()));
    }
    String msg = t.kindLabel() + " " + t.name() + ": " + bad.stream()
        .map(o -> o.scenario().title() + " is " + (o.decision().denied() ? "DENIED" : "NOT denied") + " — "
            + o.explanation())
        .collect(Collectors.joining(". ")) + "." + remark + noteText;
    String sids = bad.stream()
        .flatMap(o -> o.decision().denied() ? java.util.stream.Stream.of(o.decision().deniedBy().get().sid().orElse(""))
            : o.decision().denyStatementsThatDidNotFire().stream().map(r -> r.statement().label()))
        .filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(","));
    return Optional.of(GuardrailFindings.of(this, Status.FAIL, t.ref(), msg, evidence, GuardrailFindings.props(
        "scenario", bad.stream().map(o -> o.scenario().id()).collect(Collectors.joining(",")),
        "statementSid", sids)));
  }

  /** Notes about undocumented behaviour (the rest are routine). */
  static boolean undocumented(String note) {
    return note.contains("does not document") || note.contains("contradict") || note.contains("not credited")
        || note.contains("assumed to grant");
  }
}
