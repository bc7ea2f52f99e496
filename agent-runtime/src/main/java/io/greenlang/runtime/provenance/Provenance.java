package io.greenlang.runtime.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Everything a calculation result rests on, and the result itself: the formula id, the code
 * version, the GWP set (null where none applies), the inputs as the tool read them, every factor
 * row used (table id, version, row id and the row's content), the exact outputs and the presented
 * (rounded) outputs with their rounding rules. Its {@link #hash()} is the SHA-256 of its {@link
 * CanonicalJson canonical form}; no timestamp is part of it, so the same inputs and factors always
 * give the same hash.
 */
public record Provenance(
    String formula,
    String codeVersion,
    String gwpSet,
    ObjectNode inputs,
    ArrayNode factors,
    ObjectNode outputs,
    ObjectNode presentation) {

  public Provenance {
    Objects.requireNonNull(formula, "formula");
    Objects.requireNonNull(codeVersion, "codeVersion");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(factors, "factors");
    Objects.requireNonNull(outputs, "outputs");
    Objects.requireNonNull(presentation, "presentation");
  }

  /** The JSON object that is hashed; field names are those of this record. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("formula", formula);
    json.put("codeVersion", codeVersion);
    if (gwpSet != null) {
      json.put("gwpSet", gwpSet);
    }
    json.set("inputs", inputs);
    json.set("factors", factors);
    json.set("outputs", outputs);
    json.set("presentation", presentation);
    return json;
  }

  /** Reads the form {@link #toJson()} writes (e.g. a stored provenance record). */
  public static Provenance fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("provenance must be a JSON object");
    }
    return new Provenance(
        text(json, "formula"),
        text(json, "codeVersion"),
        json.hasNonNull("gwpSet") ? json.get("gwpSet").asText() : null,
        object(json, "inputs"),
        array(json, "factors"),
        object(json, "outputs"),
        object(json, "presentation"));
  }

  /** The canonical form of {@link #toJson()}. */
  public String canonical() {
    return CanonicalJson.text(toJson());
  }

  /** SHA-256 over the canonical form, lower-case hex. */
  public String hash() {
    return Sha256.hex(CanonicalJson.bytes(toJson()));
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("provenance." + field + " must be a string");
    }
    return value.textValue();
  }

  private static ObjectNode object(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isObject()) {
      throw new IllegalArgumentException("provenance." + field + " must be an object");
    }
    return (ObjectNode) value;
  }

  private static ArrayNode array(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isArray()) {
      throw new IllegalArgumentException("provenance." + field + " must be an array");
    }
    return (ArrayNode) value;
  }
}
