package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walks an object and its schema together, visiting every present, non-null value with its schema
 * and, on updates, the old value at the same place: properties and map entries are matched by name,
 * items of a {@code x-kubernetes-list-type: map} list by their key fields (as the API server
 * correlates them); items of other lists have no old value.
 */
final class SchemaValueWalker {

  /** Receives each value reached by the walk. */
  interface Visitor {
    /**
     * @param oldValue the value at the same place in the old object, or {@code null} when there is
     *     none
     */
    void visit(FieldPath path, SchemaNode schema, JsonNode value, JsonNode oldValue);
  }

  private SchemaValueWalker() {}

  static void walk(SchemaNode schema, JsonNode value, JsonNode oldValue, Visitor visitor) {
    walk(FieldPath.root(), schema, value, oldValue, visitor);
  }

  private static void walk(
      FieldPath path, SchemaNode schema, JsonNode value, JsonNode oldValue, Visitor visitor) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return;
    }
    JsonNode old =
        oldValue == null || oldValue.isNull() || oldValue.isMissingNode() ? null : oldValue;
    visitor.visit(path, schema, value, old);
    if (!schema.acceptsTypeOf(value)) {
      return;
    }
    if (value.isObject()) {
      walkObject(path, schema, value, old, visitor);
    } else if (value.isArray() && schema.items().isPresent()) {
      SchemaNode items = schema.items().get();
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        walk(path.index(i), items, item, correlatedItem(schema, item, old), visitor);
      }
    }
  }

  private static void walkObject(
      FieldPath path, SchemaNode schema, JsonNode value, JsonNode old, Visitor visitor) {
    if (schema.hasProperties()) {
      for (Map.Entry<String, SchemaNode> property : schema.properties().entrySet()) {
        String name = property.getKey();
        walk(path.child(name), property.getValue(), value.get(name), child(old, name), visitor);
      }
    } else if (schema.additionalProperties().isPresent()) {
      SchemaNode values = schema.additionalProperties().get();
      value
          .properties()
          .forEach(
              entry ->
                  walk(
                      path.key(entry.getKey()),
                      values,
                      entry.getValue(),
                      child(old, entry.getKey()),
                      visitor));
    }
  }

  private static JsonNode child(JsonNode old, String name) {
    return old != null && old.isObject() ? old.get(name) : null;
  }

  private static JsonNode correlatedItem(SchemaNode listSchema, JsonNode item, JsonNode oldList) {
    List<String> keys = listSchema.listMapKeys();
    if (!listSchema.listType().equals("map")
        || keys.isEmpty()
        || oldList == null
        || !oldList.isArray()) {
      return null;
    }
    for (JsonNode candidate : oldList) {
      if (keys.stream().allMatch(key -> Objects.equals(item.get(key), candidate.get(key)))) {
        return candidate;
      }
    }
    return null;
  }
}
