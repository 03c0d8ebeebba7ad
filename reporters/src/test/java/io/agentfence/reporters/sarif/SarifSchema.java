package io.agentfence.reporters.sarif;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;

/** The official OASIS SARIF 2.1.0 (Errata 01, draft-04) schema, vendored in test resources. */
public final class SarifSchema {
  private static final Schema SCHEMA = load();

  private SarifSchema() {}

  private static Schema load() {
    InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json");
    if (in == null) {
      throw new IllegalStateException("test resource /sarif/sarif-schema-2.1.0.json is missing");
    }
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in, InputFormat.JSON);
  }

  public static List<Error> validate(String json) {
    return SCHEMA.validate(json, InputFormat.JSON);
  }
}
