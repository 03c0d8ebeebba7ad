package io.agentfence.schedules.service;

import io.agentfence.check.Check;
import io.agentfence.check.CheckContext;
import io.agentfence.check.Rule;
import io.agentfence.check.RuleArea;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.RegionInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small stand-in rule so the service tests see findings change between runs without depending
 * on the rule catalogue being written in parallel.
 */
@Rule(id = "TEST-NET-001", name = "Runtime not in VPC mode", area = RuleArea.NETWORK_MODE, severity = Severity.HIGH,
    control = "test", summary = "runtime network mode is VPC", rationale = "test", remediationConsole = "-",
    remediationCli = "-", remediationTerraform = "-")
public final class RuntimeModeTestCheck implements Check {
  @Override
  public List<Finding> evaluate(CheckContext context) {
    List<Finding> out = new ArrayList<>();
    for (AccountInventory a : context.snapshot().accounts()) {
      for (RegionInventory r : a.regions()) {
        for (AgentRuntime rt : r.runtimes()) {
          boolean vpc = rt.latestNetwork().map(n -> n.isVpc()).orElse(false);
          out.add(new Finding("TEST-NET-001", vpc ? Status.PASS : Status.FAIL, Severity.HIGH,
              new ResourceRef("runtime", rt.id(), rt.arn(), a.account().id(), r.region()),
              "network mode " + rt.latestNetwork().map(n -> n.mode()).orElse("?"), List.of(), Map.of()));
        }
      }
    }
    return out;
  }
}
