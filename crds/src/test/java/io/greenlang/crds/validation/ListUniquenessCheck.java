package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports duplicates the API server rejects in lists that declare {@code x-kubernetes-list-type:
 * set} (equal items) or {@code map} (items with equal key fields), which plain JSON Schema cannot
 * express.
 */
final class ListUniquenessCheck {

  private ListUniquenessCheck() {}

  static List<Violation> check(SchemaNode rootSchema, JsonNode object) {
    List<Violation> violations = new ArrayList<>();
    SchemaValueWalker.walk(
        rootSchema,
        object,
        null,
        (path, schema, value, oldValue) -> {
          if (value.isArray() && schema.acceptsTypeOf(value)) {
            violations.addAll(duplicates(path, schema, value));
          }
        });
    return violations;
  }

  private static List<Violation> duplicates(FieldPath path, SchemaNode schema, JsonNode list) {
    List<Violation> violations = new ArrayList<>();
    Set<JsonNode> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode identity =
          switch (schema.listType()) {
            case "set" -> list.get(i);
            case "map" -> keyFields(list.get(i), schema.listMapKeys());
            default -> null;
          };
      if (identity != null && !seen.add(identity)) {
        violations.add(Violation.duplicate(path.index(i), identity.toString()));
      }
    }
    return violations;
  }

  private static JsonNode keyFields(JsonNode item, List<String> keys) {
    ObjectNode identity = JsonNodeFactory.instance.objectNode();
    keys.forEach(
        key ->
            identity.set(key, item.has(key) ? item.get(key) : JsonNodeFactory.instance.nullNode()));
    return identity;
  }
}
