package io.agentfence.reporters.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The subset of SARIF 2.1.0 agentfence writes, as records (research: sarif.md §5 — a small record
 * model keeps GitHub-required fields constructor-mandatory, always writes {@code level}, and keeps
 * array order for {@code ruleIndex}). Absent optional members are {@code null} and not written;
 * these records never leave this package's writer.
 */
public final class SarifModel {
  private SarifModel() {}

  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    public static Log of(List<Run> runs) {
      return new Log(SCHEMA, "2.1.0", runs);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Run(Tool tool, AutomationDetails automationDetails, List<Invocation> invocations,
      List<Result> results, Map<String, Object> properties) {}

  public record Tool(Driver driver) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Driver(String name, String version, String semanticVersion, String informationUri,
      List<ReportingDescriptor> rules) {}

  public record AutomationDetails(String id) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications,
      Map<String, Object> properties) {
    // executionSuccessful must be written even when false: NON_EMPTY keeps primitives.
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Notification(String level, Message message, ReportingDescriptorReference descriptor,
      List<Location> locations, Map<String, Object> properties) {}

  public record ReportingDescriptorReference(String id) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReportingDescriptor(String id, String name, Message shortDescription, Message fullDescription,
      MultiformatMessage help, String helpUri, Configuration defaultConfiguration, Map<String, Object> properties) {}

  public record Configuration(String level) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Message(String text) {}

  public record MultiformatMessage(String text, String markdown) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(String ruleId, int ruleIndex, String kind, String level, Message message,
      List<Location> locations, List<Location> relatedLocations, Map<String, String> partialFingerprints,
      List<Suppression> suppressions, String baselineState, Map<String, Object> properties) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Location(Integer id, PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations,
      Message message) {}

  public record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

  public record ArtifactLocation(String uri) {}

  public record Region(int startLine) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LogicalLocation(String name, String fullyQualifiedName, String kind) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Suppression(String kind, String status, String justification, Map<String, Object> properties) {}
}
