package io.agentfence.checks;

import io.agentfence.check.Check;
import io.agentfence.check.CheckRunner;
import io.agentfence.checks.containment.ContainmentVerdict;
import io.agentfence.checks.coverage.ScanCoverageIncomplete;
import io.agentfence.checks.dns.ResolverNotAmazonProvided;
import io.agentfence.checks.dns.VpcDnsSupportOff;
import io.agentfence.checks.egress.BlackholeDefaultRoute;
import io.agentfence.checks.egress.DefaultRouteBypassesInspection;
import io.agentfence.checks.egress.GatewayEndpointExfilPath;
import io.agentfence.checks.egress.Ipv6Bypass;
import io.agentfence.checks.egress.MoreSpecificBypass;
import io.agentfence.checks.network.EndpointOnUncontainedVersion;
import io.agentfence.checks.network.OutsideLandingZone;
import io.agentfence.checks.network.RuntimeNotInVpcMode;
import io.agentfence.checks.network.SecurityGroupNotApproved;
import io.agentfence.checks.network.SubnetNotApproved;
import io.agentfence.checks.network.ToolNotInVpcMode;
import io.agentfence.checks.privatelink.AgentCoreEndpointMissing;
import io.agentfence.checks.privatelink.AgentCorePrivateDnsOff;
import java.util.List;

/**
 * Every rule agentfence ships, in catalogue order. Adding a rule means adding its class here (one
 * line) and its fixtures; ids are stable once shipped. The containment verdict comes last; it is a
 * {@link io.agentfence.check.CompositeCheck}, so the runner hands it the findings of all the rules
 * (evaluated once) and a rule added to any section contributes to it.
 */
public final class Catalogue {
  private Catalogue() {}

  public static List<Check> all() {
    return List.of(
        // coverage
        new ScanCoverageIncomplete(),
        // network mode
        new RuntimeNotInVpcMode(),
        new ToolNotInVpcMode(),
        new SubnetNotApproved(),
        new SecurityGroupNotApproved(),
        new OutsideLandingZone(),
        new EndpointOnUncontainedVersion(),
        // egress path
        new DefaultRouteBypassesInspection(),
        new Ipv6Bypass(),
        new MoreSpecificBypass(),
        new GatewayEndpointExfilPath(),
        new BlackholeDefaultRoute(),
        // DNS
        new ResolverNotAmazonProvided(),
        new VpcDnsSupportOff(),
        // PrivateLink
        new AgentCoreEndpointMissing(),
        new AgentCorePrivateDnsOff(),
        // guardrail
        new io.agentfence.checks.guardrail.GuardrailMissingCheck(),
        new io.agentfence.checks.guardrail.GuardrailAllowsPublicModeCheck(),
        new io.agentfence.checks.guardrail.GuardrailAllowsForeignNetworkCheck(),
        new io.agentfence.checks.guardrail.GuardrailScopeGapCheck(),
        new io.agentfence.checks.guardrail.GuardrailBreaksDeploymentsCheck(),
        new io.agentfence.checks.guardrail.GuardrailApprovedSetCheck(),
        new io.agentfence.checks.guardrail.GuardrailCoverageCheck(),
        // containment verdict
        new ContainmentVerdict()
    );
  }

  public static CheckRunner runner() {
    return new CheckRunner(all());
  }
}
