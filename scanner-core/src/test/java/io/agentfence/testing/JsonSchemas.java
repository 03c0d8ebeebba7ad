package io.agentfence.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Loads a draft 2020-12 JSON Schema from a file and validates documents against it. */
public final class JsonSchemas {
  private final Schema schema;

  private JsonSchemas(Schema schema) {
    this.schema = schema;
  }

  public static JsonSchemas load(Path schemaFile) throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    return new JsonSchemas(registry.getSchema(Files.readString(schemaFile)));
  }

  /** Validation messages, empty when the document is valid. */
  public List<String> errors(JsonNode document) {
    return schema.validate(document).stream().map(Error::toString).toList();
  }
}
