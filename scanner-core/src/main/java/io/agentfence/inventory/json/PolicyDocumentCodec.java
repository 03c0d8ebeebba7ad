package io.agentfence.inventory.json;

import io.agentfence.inventory.PolicyDocument;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policy documents travel as embedded JSON objects when they are valid JSON (readable fixtures,
 * readable diffs) and as strings otherwise, so a broken document reaches the checks intact.
 */
final class PolicyDocumentCodec {
  private static final JsonMapper PLAIN = JsonMapper.builder().build();

  private PolicyDocumentCodec() {}

  static final class Serializer extends ValueSerializer<PolicyDocument> {
    @Override
    public void serialize(PolicyDocument value, JsonGenerator gen, SerializationContext ctxt) {
      JsonNode tree;
      try {
        tree = PLAIN.readTree(value.json());
      } catch (RuntimeException notJson) {
        tree = null;
      }
      if (tree != null && tree.isObject()) {
        gen.writeTree(tree);
      } else {
        gen.writeString(value.json());
      }
    }
  }

  static final class Deserializer extends ValueDeserializer<PolicyDocument> {
    @Override
    public PolicyDocument deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return new PolicyDocument(p.getString());
      }
      JsonNode tree = ctxt.readTree(p);
      return new PolicyDocument(PLAIN.writeValueAsString(tree));
    }
  }
}
