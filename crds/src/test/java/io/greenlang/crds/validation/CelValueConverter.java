package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.NullValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a JSON value into the Java value cel-java evaluates, typed by the schema the way the API
 * server types it: integers as {@code Long}, {@code number} fields as {@code Double} even when
 * written without a fraction, {@code date-time}/{@code date} strings as timestamps, {@code
 * duration} strings as durations, and objects with listed properties stripped of fields the API
 * server would prune.
 */
final class CelValueConverter {

  private CelValueConverter() {}

  static Object toCel(JsonNode value, SchemaNode schema) {
    if (value.isNull()) {
      return NullValue.NULL_VALUE;
    }
    if (value.isObject()) {
      return objectToCel(value, schema);
    }
    if (value.isArray()) {
      SchemaNode items = schema.items().orElse(SchemaNode.empty());
      List<Object> list = new ArrayList<>();
      value.forEach(item -> list.add(toCel(item, items)));
      return list;
    }
    if (value.isIntegralNumber()) {
      return schema.type().equals("number") ? (Object) value.asDouble() : (Object) value.asLong();
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    // A string that does not parse in its format stays a string: the schema check reports the bad
    // format.
    return schema.type().equals("string")
        ? KubernetesFormats.parse(value.asText(), schema.format()).orElse(value.asText())
        : value.asText();
  }

  private static Map<String, Object> objectToCel(JsonNode value, SchemaNode schema) {
    Map<String, Object> map = new LinkedHashMap<>();
    Optional<SchemaNode> mapValues = schema.additionalProperties();
    value
        .properties()
        .forEach(
            field -> {
              Optional<SchemaNode> fieldSchema =
                  schema.hasProperties() ? schema.property(field.getKey()) : mapValues;
              if (fieldSchema.isPresent()) {
                map.put(field.getKey(), toCel(field.getValue(), fieldSchema.get()));
              } else if (!schema.hasProperties() || schema.preservesUnknownFields()) {
                map.put(field.getKey(), toCel(field.getValue(), SchemaNode.empty()));
              }
            });
    return map;
  }
}
