package io.agentfence.terraform;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A Terraform plan as {@code terraform show -json tfplan} writes it: the resource changes, the
 * prior state (data sources read during planning live there), the input variables and the
 * configuration (module calls, provider configurations and the expressions with their references).
 *
 * @param source        the file it was read from, as given on the command line
 * @param formatVersion the plan's {@code format_version}
 */
public record TerraformPlan(
    String source,
    String formatVersion,
    String terraformVersion,
    List<ResourceChange> resourceChanges,
    JsonNode priorState,
    JsonNode variables,
    JsonNode configuration) {
  public TerraformPlan {
    source = source == null ? "" : source;
    formatVersion = formatVersion == null ? "" : formatVersion;
    terraformVersion = terraformVersion == null ? "" : terraformVersion;
    resourceChanges = Values.list(resourceChanges);
  }

  /** The value of an input variable of the root module, when the plan records it. */
  public Optional<JsonNode> variable(String name) {
    JsonNode v = variables.path(name).path("value");
    return v.isMissingNode() || v.isNull() ? Optional.empty() : Optional.of(v);
  }
}
