package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prepares an object the way the API server does before validating it: {@code null} in a field that
 * is not {@code nullable} is replaced by the field's default or dropped, and absent fields with a
 * {@code default} get it, recursively (a default object gets the defaults of its own fields). Rules
 * then see defaulted values.
 */
final class SchemaDefaulting {

  private SchemaDefaulting() {}

  /** A defaulted copy of {@code object}; the argument is left untouched. */
  static JsonNode apply(SchemaNode schema, JsonNode object) {
    JsonNode copy = object.deepCopy();
    defaultInPlace(schema, copy);
    return copy;
  }

  private static void defaultInPlace(SchemaNode schema, JsonNode value) {
    if (value instanceof ObjectNode object && schema.acceptsTypeOf(value)) {
      if (schema.hasProperties()) {
        for (Map.Entry<String, SchemaNode> property : schema.properties().entrySet()) {
          defaultField(object, property.getKey(), property.getValue());
        }
      } else if (schema.additionalProperties().isPresent()) {
        SchemaNode values = schema.additionalProperties().get();
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        keys.forEach(key -> defaultField(object, key, values));
      }
    } else if (value.isArray() && schema.items().isPresent()) {
      value.forEach(item -> defaultInPlace(schema.items().get(), item));
    }
  }

  private static void defaultField(ObjectNode object, String name, SchemaNode schema) {
    JsonNode current = object.get(name);
    boolean unset = current == null || (current.isNull() && !schema.isNullable());
    if (unset && schema.defaultValue().isPresent()) {
      object.set(name, schema.defaultValue().get().deepCopy());
    } else if (unset && current != null) {
      object.remove(name);
    }
    JsonNode result = object.get(name);
    if (result != null) {
      defaultInPlace(schema, result);
    }
  }
}
