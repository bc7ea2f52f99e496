package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of one node of a CRD's {@code openAPIV3Schema}, answering the questions the
 * validator and the reference generator ask (type, properties, list semantics, CEL rules) without
 * repeating JSON navigation.
 */
public final class SchemaNode {

  private static final SchemaNode EMPTY = new SchemaNode(JsonNodeFactory.instance.objectNode());

  private final JsonNode json;

  private SchemaNode(JsonNode json) {
    this.json = json;
  }

  /**
   * Wraps a schema object; anything that is not an object is treated as the empty (anything goes)
   * schema.
   */
  public static SchemaNode of(JsonNode json) {
    return json != null && json.isObject() ? new SchemaNode(json) : EMPTY;
  }

  /**
   * A schema that constrains nothing, used for values below {@code
   * x-kubernetes-preserve-unknown-fields}.
   */
  public static SchemaNode empty() {
    return EMPTY;
  }

  /** The underlying JSON of this schema node. */
  public JsonNode json() {
    return json;
  }

  /** The declared {@code type}; empty for int-or-string and untyped nodes. */
  public String type() {
    return text("type");
  }

  /** The declared {@code format}, such as {@code date-time} or {@code int32}; empty when absent. */
  public String format() {
    return text("format");
  }

  /** The {@code description}; empty when absent. */
  public String description() {
    return text("description");
  }

  /** Whether the node accepts an integer or a string ({@code x-kubernetes-int-or-string}). */
  public boolean isIntOrString() {
    return json.path("x-kubernetes-int-or-string").asBoolean(false);
  }

  /** Whether {@code null} is a value the API server keeps for this node. */
  public boolean isNullable() {
    return json.path("nullable").asBoolean(false);
  }

  /** Whether fields not listed in {@code properties} are kept rather than rejected. */
  public boolean preservesUnknownFields() {
    return json.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
  }

  /** Whether the node lists its properties (a struct, as opposed to a map or free-form object). */
  public boolean hasProperties() {
    return json.path("properties").isObject();
  }

  /** The listed properties in declaration order. */
  public Map<String, SchemaNode> properties() {
    Map<String, SchemaNode> properties = new LinkedHashMap<>();
    json.path("properties").properties().forEach(e -> properties.put(e.getKey(), of(e.getValue())));
    return properties;
  }

  /** The schema of one listed property, if listed. */
  public Optional<SchemaNode> property(String name) {
    JsonNode property = json.path("properties").get(name);
    return property == null ? Optional.empty() : Optional.of(of(property));
  }

  /** The schema of the items of an array node. */
  public Optional<SchemaNode> items() {
    return json.path("items").isObject() ? Optional.of(of(json.get("items"))) : Optional.empty();
  }

  /** The schema of the values of a map node ({@code additionalProperties} given as a schema). */
  public Optional<SchemaNode> additionalProperties() {
    JsonNode values = json.path("additionalProperties");
    return values.isObject() ? Optional.of(of(values)) : Optional.empty();
  }

  /** The names of required properties. */
  public List<String> required() {
    return strings(json.path("required"));
  }

  /** The default value the API server fills in when the field is absent. */
  public Optional<JsonNode> defaultValue() {
    return Optional.ofNullable(json.get("default"));
  }

  /** The allowed values, when the node is an enum. */
  public List<JsonNode> enumValues() {
    List<JsonNode> values = new ArrayList<>();
    json.path("enum").forEach(values::add);
    return values;
  }

  /**
   * The {@code x-kubernetes-list-type} ({@code atomic}, {@code set} or {@code map}); empty when
   * absent.
   */
  public String listType() {
    return text("x-kubernetes-list-type");
  }

  /** The item properties that identify an item of a {@code map} list. */
  public List<String> listMapKeys() {
    return strings(json.path("x-kubernetes-list-map-keys"));
  }

  /** The CEL rules declared directly on this node. */
  public List<CelRule> celRules() {
    List<CelRule> rules = new ArrayList<>();
    json.path("x-kubernetes-validations").forEach(rule -> rules.add(CelRule.fromJson(rule)));
    return rules;
  }

  /** A keyword's raw value ({@code pattern}, {@code maximum}, ...), if present. */
  public Optional<JsonNode> keyword(String name) {
    return Optional.ofNullable(json.get(name));
  }

  /**
   * Whether the JSON type of {@code value} is the one the node declares; a mismatch is a schema
   * violation, and nothing below a mismatched value is checked further.
   */
  public boolean acceptsTypeOf(JsonNode value) {
    if (value.isNull()) {
      return isNullable();
    }
    if (isIntOrString()) {
      return value.isIntegralNumber() || value.isTextual();
    }
    return switch (type()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }

  /**
   * The schema type name that fits a JSON value ({@code object}, {@code integer}, ..., {@code
   * null}).
   */
  public static String typeNameOf(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "null";
    }
    return switch (value.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      case BOOLEAN -> "boolean";
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private String text(String keyword) {
    return json.path(keyword).asText("");
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
