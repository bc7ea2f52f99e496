package io.greenlang.crds.reference;

import static io.greenlang.crds.reference.MarkdownTable.code;
import static io.greenlang.crds.reference.MarkdownTable.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.crds.validation.CelRule;
import io.greenlang.crds.validation.SchemaField;
import io.greenlang.crds.validation.SchemaNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the Type, Default and Validation cells of one field of the reference from its schema: type
 * with format and enum values, the default as JSON, and every constraint including CEL rules with
 * their messages.
 */
final class FieldCells {

  /** Separates entries inside one cell; a table cell cannot hold a line break. */
  private static final String BREAK = "<br>";

  private FieldCells() {}

  static String type(SchemaNode schema) {
    String type = typeName(schema);
    List<JsonNode> values = schema.enumValues();
    if (values.isEmpty()) {
      return text(type);
    }
    String choices =
        values.stream()
            .map(value -> code(value.isTextual() ? value.asText() : value.toString()))
            .collect(Collectors.joining(", "));
    return text(type) + BREAK + "enum: " + choices;
  }

  static String defaultValue(SchemaNode schema) {
    return schema
        .defaultValue()
        .map(value -> code(value.isTextual() ? value.asText() : value.toString()))
        .orElse("");
  }

  static String validation(SchemaField field) {
    SchemaNode schema = field.schema();
    List<String> entries = new ArrayList<>();
    if (field.required()) {
      entries.add("required");
    }
    if (schema.isNullable()) {
      entries.add("nullable");
    }
    schema
        .keyword("pattern")
        .ifPresent(pattern -> entries.add("pattern: " + code(pattern.asText())));
    bound(schema, "minimum", "exclusiveMinimum", "minimum", entries);
    bound(schema, "maximum", "exclusiveMaximum", "maximum", entries);
    limit(schema, "multipleOf", "multiple of", entries);
    limit(schema, "minLength", "min length", entries);
    limit(schema, "maxLength", "max length", entries);
    limit(schema, "minItems", "min items", entries);
    limit(schema, "maxItems", "max items", entries);
    limit(schema, "minProperties", "min properties", entries);
    limit(schema, "maxProperties", "max properties", entries);
    listType(schema, entries);
    if (schema.preservesUnknownFields() && schema.hasProperties()) {
      entries.add("unknown fields kept");
    }
    schema.celRules().forEach(rule -> entries.add(rule(rule)));
    return String.join(BREAK, entries);
  }

  /**
   * One CEL rule: the expression, then its message and anything that changes how it is reported.
   */
  static String rule(CelRule rule) {
    StringBuilder entry = new StringBuilder();
    entry.append(
        rule.isImmutabilityRule()
            ? "immutable: "
            : rule.isTransitionRule() ? "on update: " : "rule: ");
    entry.append(code(rule.rule()));
    if (!rule.messageExpression().isEmpty()) {
      entry.append(" — message from ").append(code(rule.messageExpression()));
    } else {
      entry.append(" — ").append(text(rule.messageOrDefault()));
    }
    if (!rule.fieldPath().isEmpty()) {
      entry.append(" (reported on ").append(code(rule.fieldPath())).append(")");
    }
    if (!rule.reason().isEmpty()) {
      entry.append(" (").append(text(rule.reason())).append(")");
    }
    if (rule.optionalOldSelf()) {
      entry.append(" (also on create)");
    }
    return entry.toString();
  }

  private static String typeName(SchemaNode schema) {
    if (schema.isIntOrString()) {
      return "int-or-string";
    }
    if (schema.items().isPresent()) {
      return "[]" + typeName(schema.items().get());
    }
    if (!schema.hasProperties() && schema.additionalProperties().isPresent()) {
      return "map[string]" + typeName(schema.additionalProperties().get());
    }
    String type = schema.type().isEmpty() ? "any" : schema.type();
    if (type.equals("object") && !schema.hasProperties() && schema.preservesUnknownFields()) {
      return "object (free-form)";
    }
    return schema.format().isEmpty() ? type : type + " (" + schema.format() + ")";
  }

  private static void bound(
      SchemaNode schema, String keyword, String exclusiveFlag, String label, List<String> entries) {
    schema
        .keyword(keyword)
        .ifPresent(
            value -> {
              boolean exclusive =
                  schema.keyword(exclusiveFlag).map(JsonNode::asBoolean).orElse(false);
              entries.add(label + ": " + number(value) + (exclusive ? " (exclusive)" : ""));
            });
  }

  private static void limit(SchemaNode schema, String keyword, String label, List<String> entries) {
    schema.keyword(keyword).ifPresent(value -> entries.add(label + ": " + number(value)));
  }

  private static void listType(SchemaNode schema, List<String> entries) {
    switch (schema.listType()) {
      case "map" ->
          entries.add(
              "list of unique keys: "
                  + schema.listMapKeys().stream()
                      .map(MarkdownTable::code)
                      .collect(Collectors.joining(", ")));
      case "set" -> entries.add("items unique (set)");
      default -> {
        // atomic lists (and lists without a type) carry no constraint worth listing
      }
    }
  }

  // Generated CRDs store every bound as a double (10.0); readers expect 10.
  private static String number(JsonNode value) {
    return value.isNumber()
        ? new BigDecimal(value.asText()).stripTrailingZeros().toPlainString()
        : text(value.asText());
  }
}
