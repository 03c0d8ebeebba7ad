package io.agentfence.checks.support;

import io.agentfence.check.Check;
import io.agentfence.check.RuleMetadata;
import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.Finding;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Status;
import io.agentfence.check.CheckContext;
import io.agentfence.inventory.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared finding construction: every finding of a rule carries its id and default severity. */
public abstract class BaseCheck implements Check {
  private final RuleMetadata meta = metadata();

  protected final String id() {
    return meta.id();
  }

  protected final Finding finding(
      Status status, ResourceRef resource, String message, List<EvidenceLink> evidence, Map<String, String> properties) {
    return new Finding(meta.id(), status, meta.severity(), resource, message, evidence, properties);
  }

  protected final Finding finding(Status status, ResourceRef resource, String message, List<EvidenceLink> evidence) {
    return finding(status, resource, message, evidence, Map.of());
  }

  protected final Finding pass(ResourceRef resource, String message, List<EvidenceLink> evidence) {
    return finding(Status.PASS, resource, message, evidence);
  }

  protected final Finding fail(ResourceRef resource, String message, List<EvidenceLink> evidence) {
    return finding(Status.FAIL, resource, message, evidence);
  }

  protected final Finding unknown(ResourceRef resource, String message, List<EvidenceLink> evidence) {
    return finding(Status.UNKNOWN, resource, message, evidence);
  }

  /**
   * One UNKNOWN per in-play (account, region) where {@code kind} was not read: the resources this
   * rule judges may exist there unseen, and must not be reported as fine.
   *
   * @param what the resource kind of the finding, e.g. {@code runtimes}
   */
  protected final List<Finding> unreadScopes(CheckContext ctx, ResourceKind kind, String what) {
    List<Finding> out = new ArrayList<>();
    for (Scopes.Scope s : Scopes.regional(ctx)) {
      Optional<String> why = Scopes.unread(ctx, s.accountId(), s.region(), kind);
      if (why.isPresent()) {
        out.add(unknown(Refs.scope(what, s.accountId(), s.region()),
            what + " of " + s.accountId() + "/" + s.region() + " are unknown: " + why.get(),
            List.of(EvidenceLink.of("scope", s.accountId() + "/" + s.region(), why.get()))));
      }
    }
    return out;
  }
}
