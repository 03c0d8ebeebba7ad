package io.agentfence.terraform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON of {@code terraform show -json tfplan} strictly. Whatever is not a plan of a
 * format this version knows is refused with one message naming the file, what it is and how to
 * produce a plan: never a partial plan, since a resource silently missing would pass the gate.
 *
 * <p>Terraform documents that a {@code format_version} minor increment only adds fields, while a
 * major increment breaks readers; only major version 1 (Terraform 1.0 and later) is read.
 */
public final class PlanReader {
  static final String HOW = "Produce it with: terraform plan -out tfplan && terraform show -json tfplan > plan.json";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private PlanReader() {}

  public static TerraformPlan read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new PlanFormatException(file + ": no such file (--terraform-plan). " + HOW);
    } catch (IOException e) {
      throw new PlanFormatException(file + ": cannot read the Terraform plan: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  public static TerraformPlan parse(String text, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new PlanFormatException(source + ": not valid JSON" + where + " (" + e.getOriginalMessage()
          + "). --terraform-plan takes the JSON of a saved plan. " + HOW, e);
    }
    if (root == null || !root.isObject()) {
      throw new PlanFormatException(source + ": not a Terraform plan (the JSON is not an object). " + HOW);
    }
    rejectState(root, source);
    JsonNode fv = root.path("format_version");
    if (!fv.isString() || !root.path("planned_values").isObject()) {
      throw new PlanFormatException(source + ": not a Terraform plan: it has no "
          + (fv.isString() ? "planned_values" : "format_version") + " (the JSON of 'terraform show -json tfplan'"
          + " always has both). " + HOW);
    }
    String version = fv.asString();
    if (!version.matches("1\\.\\d+")) {
      throw new PlanFormatException(source + ": Terraform plan format_version " + version + " is not supported;"
          + " agentfence reads format 1.x (Terraform 1.0 and later, where minor versions only add fields)."
          + " Re-create the plan with Terraform 1.x.");
    }
    List<ResourceChange> changes = new ArrayList<>();
    JsonNode list = root.path("resource_changes");
    if (!list.isMissingNode() && !list.isArray()) {
      throw new PlanFormatException(source + ": resource_changes is not an array. " + HOW);
    }
    for (int i = 0; i < list.size(); i++) {
      changes.add(change(list.get(i), source, "resource_changes[" + i + "]"));
    }
    return new TerraformPlan(source, version, root.path("terraform_version").asString(""), changes,
        root.path("prior_state"), root.path("variables"), root.path("configuration"));
  }

  /** A state is not a plan: it says what exists, not what will change. */
  private static void rejectState(JsonNode root, String source) {
    boolean rawState = root.path("version").isNumber() && (root.has("lineage") || root.has("serial"));
    boolean shownState = root.path("values").isObject() && !root.has("planned_values") && !root.has("resource_changes");
    if (rawState || shownState) {
      throw new PlanFormatException(source + ": this is a Terraform state" + (rawState ? " file" : " (terraform show -json)")
          + ", not a plan: it holds what exists, not what the change would create. " + HOW);
    }
  }

  private static ResourceChange change(JsonNode n, String source, String path) {
    String address = text(n, "address", source, path);
    String type = text(n, "type", source, path);
    String name = text(n, "name", source, path);
    JsonNode change = n.path("change");
    JsonNode actions = change.path("actions");
    if (!change.isObject() || !actions.isArray() || actions.isEmpty()) {
      throw new PlanFormatException(source + ": " + path + " (" + address + ") has no change.actions. " + HOW);
    }
    List<String> acts = new ArrayList<>();
    for (JsonNode a : actions) {
      String s = a.asString("");
      if (!List.of("create", "update", "delete", "no-op", "read", "forget").contains(s)) {
        throw new PlanFormatException(source + ": " + path + " (" + address + ") has an unknown action '" + a
            + "'; the documented actions are create, update, delete, no-op, read and forget.");
      }
      acts.add(s);
    }
    return new ResourceChange(address, n.path("module_address").asString(""), n.path("mode").asString("managed"),
        type, name, n.path("index"), n.path("provider_name").asString(""), acts,
        change.path("before"), change.path("after"), change.path("after_unknown"));
  }

  private static String text(JsonNode n, String field, String source, String path) {
    JsonNode v = n.path(field);
    if (!v.isString() || v.asString().isBlank()) {
      throw new PlanFormatException(source + ": " + path + " has no " + field + "; is this the JSON of a plan? " + HOW);
    }
    return v.asString();
  }
}
