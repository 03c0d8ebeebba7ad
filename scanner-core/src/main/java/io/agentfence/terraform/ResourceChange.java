package io.agentfence.terraform;

import io.agentfence.util.Values;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One entry of the plan's {@code resource_changes}: a resource instance, what Terraform will do to
 * it, and its values before and after (Terraform's JSON output format, "Change Representation").
 *
 * @param address       the absolute instance address, e.g. {@code module.net.aws_subnet.runtime[0]}
 * @param moduleAddress the module instance it belongs to, empty for the root module
 * @param mode          {@code managed} or {@code data}
 * @param index         the {@code count} index or {@code for_each} key as JSON, missing when neither
 * @param actions       {@code create}, {@code update}, {@code delete}, {@code no-op}, {@code read}, or
 *                      a replacement ({@code delete}+{@code create} in either order)
 * @param before        values before, JSON null when the resource does not exist yet
 * @param after         values after, JSON null when it will be deleted; a value known only after
 *                      apply is absent here and {@code true} at the same path of {@code afterUnknown}
 */
public record ResourceChange(
    String address,
    String moduleAddress,
    String mode,
    String type,
    String name,
    JsonNode index,
    String providerName,
    List<String> actions,
    JsonNode before,
    JsonNode after,
    JsonNode afterUnknown) {
  public ResourceChange {
    Values.require(address, "resource change address");
    moduleAddress = moduleAddress == null ? "" : moduleAddress;
    mode = mode == null ? "managed" : mode;
    Values.require(type, "resource change type");
    Values.require(name, "resource change name");
    index = index == null ? MissingNode.getInstance() : index;
    providerName = providerName == null ? "" : providerName;
    actions = Values.list(actions);
    before = before == null ? MissingNode.getInstance() : before;
    after = after == null ? MissingNode.getInstance() : after;
    afterUnknown = afterUnknown == null ? MissingNode.getInstance() : afterUnknown;
  }

  public boolean managed() {
    return "managed".equals(mode);
  }

  /** The resource exists before the change (update, delete, replace, no-op). */
  public boolean existsBefore() {
    return before.isObject();
  }

  /** The resource exists after the change (create, update, replace, no-op). */
  public boolean existsAfter() {
    return after.isObject();
  }

  /** One word for the change: create, update, delete, replace, no-op or read. */
  public String action() {
    if (actions.contains("create") && actions.contains("delete")) {
      return "replace";
    }
    return actions.isEmpty() ? "no-op" : actions.get(0);
  }
}
