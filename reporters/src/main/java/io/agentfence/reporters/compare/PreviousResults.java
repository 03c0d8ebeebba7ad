package io.agentfence.reporters.compare;

import io.agentfence.finding.EvidenceLink;
import io.agentfence.finding.ResourceRef;
import io.agentfence.finding.Severity;
import io.agentfence.finding.Status;
import io.agentfence.reporters.JsonSupport;
import io.agentfence.reporters.sarif.SarifReporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a previous result of ours for {@code --previous}: a SARIF log or a JSON result, told apart
 * by their top-level shape. Anything else is a {@link PreviousResultsException} naming the file,
 * the place and the fix; never a silently empty comparison (that would make every finding "new"
 * and hide nothing, but it would also make every old one vanish from the "absent" list).
 */
public final class PreviousResults {
  private PreviousResults() {}

  public static List<PreviousFinding> read(Path file) {
    if (Files.isDirectory(file)) {
      throw new PreviousResultsException(file + ": is a directory (--previous expects a SARIF or JSON result"
          + " file written by an earlier 'agentfence scan')");
    }
    if (!Files.isRegularFile(file)) {
      throw new PreviousResultsException(file + ": no such file (--previous expects a SARIF or JSON result"
          + " written by an earlier 'agentfence scan')");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new PreviousResultsException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  public static List<PreviousFinding> read(InputStream in, String name) {
    JsonNode root;
    try {
      root = JsonSupport.MAPPER.readTree(in);
    } catch (JacksonException e) {
      throw new PreviousResultsException(name + location(e) + ": not valid JSON: " + e.getOriginalMessage()
          + ". Pass the SARIF or JSON file an earlier 'agentfence scan' wrote.", e);
    }
    if (root != null && root.isObject() && root.has("runs") && root.has("version")) {
      return fromSarif(root, name);
    }
    if (root != null && root.isObject() && root.has("findings") && root.has("tool")) {
      return fromJson(root, name);
    }
    throw new PreviousResultsException(name + ": neither a SARIF log (\"version\" and \"runs\") nor an agentfence"
        + " JSON result (\"tool\" and \"findings\"). Pass a file written by 'agentfence scan --format sarif|json'.");
  }

  private static List<PreviousFinding> fromJson(JsonNode root, String name) {
    List<PreviousFinding> out = new ArrayList<>();
    JsonNode findings = root.get("findings");
    if (!findings.isArray()) {
      throw new PreviousResultsException(name + ": /findings must be an array");
    }
    for (int i = 0; i < findings.size(); i++) {
      JsonNode f = findings.get(i);
      String at = name + ": /findings/" + i;
      JsonNode r = f.path("resource");
      out.add(new PreviousFinding(
          text(f, "fingerprint", at), text(f, "ruleId", at),
          status(text(f, "status", at), at), severity(text(f, "severity", at), at),
          new ResourceRef(text(r, "kind", at + "/resource"), text(r, "id", at + "/resource"),
              text(r, "arn", at + "/resource"), r.path("accountId").asString(""), r.path("region").asString("global")),
          f.path("message").asString(""), f.path("chain").asString("")));
    }
    return out;
  }

  private static List<PreviousFinding> fromSarif(JsonNode root, String name) {
    List<PreviousFinding> out = new ArrayList<>();
    JsonNode runs = root.get("runs");
    for (int r = 0; r < runs.size(); r++) {
      JsonNode run = runs.get(r);
      String driver = run.path("tool").path("driver").path("name").asString("");
      if (!SarifReporter.TOOL_NAME.equals(driver)) {
        throw new PreviousResultsException(name + ": /runs/" + r + " was written by '" + driver
            + "', not agentfence; --previous compares agentfence results only");
      }
      JsonNode results = run.path("results");
      for (int i = 0; i < results.size(); i++) {
        JsonNode res = results.get(i);
        String at = name + ": /runs/" + r + "/results/" + i;
        if ("absent".equals(res.path("baselineState").asString(""))) {
          continue; // already gone in that run
        }
        JsonNode p = res.path("properties");
        String fp = res.path("partialFingerprints").path(SarifReporter.FINGERPRINT_KEY).asString("");
        if (fp.isEmpty()) {
          throw new PreviousResultsException(at + ": no partialFingerprints/" + SarifReporter.FINGERPRINT_KEY
              + "; the file was not written by this version of agentfence");
        }
        out.add(new PreviousFinding(fp, text(res, "ruleId", at),
            status(text(p, "status", at + "/properties"), at), severity(text(p, "severity", at + "/properties"), at),
            new ResourceRef(text(p, "resourceKind", at + "/properties"), text(p, "resourceId", at + "/properties"),
                text(p, "resourceArn", at + "/properties"), p.path("accountId").asString(""),
                p.path("region").asString("global")),
            p.path("findingMessage").asString(""), chain(p)));
      }
    }
    return out;
  }

  /**
   * The evidence chain of a SARIF result: {@code evidenceChain} where the file has it (absent
   * results; files written before it moved out wrote it for every result), else rendered from the
   * structured {@code evidence} links exactly as {@link io.agentfence.finding.Finding#chain()} does.
   */
  private static String chain(JsonNode props) {
    JsonNode chain = props.get("evidenceChain");
    if (chain != null && chain.isString()) {
      return chain.asString();
    }
    List<String> links = new ArrayList<>();
    for (JsonNode l : props.path("evidence")) {
      String kind = l.path("kind").asString("");
      if (!kind.isEmpty()) {
        links.add(new EvidenceLink(kind, l.path("id").asString(""), l.path("note").asString("")).render());
      }
    }
    return String.join(" → ", links);
  }

  private static String text(JsonNode n, String field, String at) {
    JsonNode v = n.get(field);
    if (v == null || !v.isString() || v.asString().isBlank()) {
      throw new PreviousResultsException(at + ": missing \"" + field + "\"; the file was not written by"
          + " 'agentfence scan' or was edited");
    }
    return v.asString();
  }

  private static Status status(String s, String at) {
    try {
      return Status.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new PreviousResultsException(at + ": unknown status '" + s + "' (expected PASS, FAIL or UNKNOWN)");
    }
  }

  private static Severity severity(String s, String at) {
    Optional<Severity> sev = Severity.parse(s);
    return sev.orElseThrow(() -> new PreviousResultsException(at + ": unknown severity '" + s + "'"));
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
  }
}
