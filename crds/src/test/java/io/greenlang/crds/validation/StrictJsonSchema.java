package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Translates a Kubernetes structural schema into a JSON Schema that a generic validator enforces
 * the way the API server does: objects that list their properties and do not preserve unknown
 * fields reject any other field (strict field validation), and int-or-string nodes accept exactly
 * integers and strings. Kubernetes keywords ({@code x-kubernetes-*}) stay in place; the JSON Schema
 * validator ignores unknown keywords.
 */
final class StrictJsonSchema {

  /**
   * Formats JSON Schema and the API server understand alike; others are ignored or checked
   * elsewhere.
   */
  private static final Set<String> JSON_SCHEMA_FORMATS =
      Set.of("date-time", "date", "email", "hostname", "ipv4", "ipv6", "uri", "uuid");

  private StrictJsonSchema() {}

  static ObjectNode from(SchemaNode root) {
    ObjectNode copy = root.json().deepCopy();
    tighten(copy);
    return copy;
  }

  private static void tighten(ObjectNode node) {
    SchemaNode schema = SchemaNode.of(node);
    if (schema.isIntOrString()) {
      // A single union type reads better in messages than the generator's anyOf of two types.
      node.remove("anyOf");
      node.putArray("type").add("integer").add("string");
    }
    if (node.has("format") && !JSON_SCHEMA_FORMATS.contains(schema.format())) {
      // The API server ignores formats it does not know (int32, double, ...) and reads duration
      // its own way (Go syntax, not ISO 8601), which KubernetesFormatCheck covers.
      node.remove("format");
    }
    if (schema.hasProperties()
        && !schema.preservesUnknownFields()
        && !node.has("additionalProperties")) {
      node.put("additionalProperties", false);
    }
    node.path("properties").forEach(StrictJsonSchema::tightenIfObject);
    tightenIfObject(node.path("items"));
    tightenIfObject(node.path("additionalProperties"));
    tightenIfObject(node.path("not"));
    for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
      node.path(combinator).forEach(StrictJsonSchema::tightenIfObject);
    }
  }

  private static void tightenIfObject(JsonNode node) {
    if (node instanceof ObjectNode object) {
      tighten(object);
    }
  }
}
