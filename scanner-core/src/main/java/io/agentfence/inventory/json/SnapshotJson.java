package io.agentfence.inventory.json;

import io.agentfence.inventory.PolicyDocument;
import io.agentfence.inventory.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;

/**
 * Reads and writes the inventory snapshot (format v1). Reading is strict: unknown fields, a wrong
 * {@code formatVersion} or malformed JSON are {@link SnapshotFormatException}s naming the file and
 * the location, never a partial snapshot.
 */
public final class SnapshotJson {
  private static final JsonMapper MAPPER = mapper();

  private SnapshotJson() {}

  /** The mapper configured for our model (Optional as absent, policy documents embedded). */
  public static JsonMapper mapper() {
    SimpleModule module = new SimpleModule("agentfence-inventory");
    module.addSerializer(PolicyDocument.class, new PolicyDocumentCodec.Serializer());
    module.addDeserializer(PolicyDocument.class, new PolicyDocumentCodec.Deserializer());
    return JsonMapper.builder()
        .addModule(module)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        // As strict as docs/inventory-v1.schema.json: "443" is not a number, 443 is not a string.
        .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .enable(SerializationFeature.INDENT_OUTPUT)
        // Only record components are data: derived helpers such as isVpc() or isMain() are not.
        // (Model rule: no derived method may be named getX; no component may be named isX.)
        .changeDefaultVisibility(vc -> vc
            .withVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE))
        .changeDefaultPropertyInclusion(
            incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
        .build();
  }

  public static Snapshot read(Path file) {
    if (Files.isDirectory(file)) {
      throw new SnapshotFormatException(file + ": is a directory, not a snapshot file");
    }
    if (!Files.isRegularFile(file)) {
      throw new SnapshotFormatException(file + ": no such snapshot file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new SnapshotFormatException(file + ": cannot read snapshot: " + e.getMessage(), e);
    }
  }

  /** Parses a snapshot; {@code name} is used in error messages. */
  public static Snapshot read(InputStream in, String name) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(in);
    } catch (JacksonException e) {
      throw new SnapshotFormatException(
          name + at(e.getLocation()) + ": not valid JSON: " + e.getOriginalMessage()
              + ". Fix the file or regenerate it with 'agentfence collect'.", e);
    }
    return fromTree(tree, name);
  }

  public static Snapshot fromTree(JsonNode tree, String name) {
    if (tree == null || !tree.isObject()) {
      throw new SnapshotFormatException(name + ": not an agentfence inventory snapshot (expected a JSON object"
          + " with \"formatVersion\": " + Snapshot.FORMAT_VERSION + ")");
    }
    JsonNode version = tree.get("formatVersion");
    if (version == null || !version.isInt()) {
      throw new SnapshotFormatException(name + ": not an agentfence inventory snapshot: missing integer"
          + " \"formatVersion\" (this build reads format " + Snapshot.FORMAT_VERSION + ")");
    }
    if (version.intValue() != Snapshot.FORMAT_VERSION) {
      throw new SnapshotFormatException(name + ": snapshot format " + version.intValue()
          + " is not supported; this build reads format " + Snapshot.FORMAT_VERSION
          + ". Re-collect with this version of agentfence.");
    }
    try {
      return MAPPER.treeToValue(tree, Snapshot.class);
    } catch (DatabindException e) {
      throw new SnapshotFormatException(
          name + ": invalid snapshot at " + jsonPath(e) + ": " + rootMessage(e)
              + ". See docs/inventory-v1.schema.json for the format.", e);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new SnapshotFormatException(name + ": invalid snapshot: " + rootMessage(e), e);
    }
  }

  public static String write(Snapshot snapshot) {
    return MAPPER.writeValueAsString(snapshot);
  }

  public static void write(Snapshot snapshot, OutputStream out) {
    MAPPER.writeValue(out, snapshot);
  }

  /** Writes atomically (temp file then move) so a crash never leaves half a snapshot. */
  public static void write(Snapshot snapshot, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(snapshot, out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static JsonNode toTree(Snapshot snapshot) {
    return MAPPER.valueToTree(snapshot);
  }

  /** {@code $.accounts[0].regions[1].vpcs[0].id}: where in the document the problem is. */
  static String jsonPath(DatabindException e) {
    StringBuilder sb = new StringBuilder("$");
    for (var ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        sb.append('.').append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String at(TokenStreamLocation loc) {
    if (loc == null || loc.getLineNr() < 0) {
      return "";
    }
    return ":" + loc.getLineNr() + ":" + loc.getColumnNr();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t instanceof JacksonException je ? je.getOriginalMessage() : t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
