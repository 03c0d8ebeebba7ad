package io.agentfence.reporters;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one Jackson mapper reporters use: pretty output, never closes the caller's stream. */
public final class JsonSupport {
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private JsonSupport() {}
}
