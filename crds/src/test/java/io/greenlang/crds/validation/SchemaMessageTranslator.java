package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites a JSON Schema validator message as the API server would word the same problem ({@code
 * spec.x: Invalid value: "AB": spec.x in body should match '^[a-z]+$'}), naming map entries as
 * {@code [key]} and list items as {@code [i]}.
 */
final class SchemaMessageTranslator {

  private final SchemaNode rootSchema;
  private final JsonNode strictSchema;

  SchemaMessageTranslator(SchemaNode rootSchema, JsonNode strictSchema) {
    this.rootSchema = rootSchema;
    this.strictSchema = strictSchema;
  }

  Violation translate(ValidationMessage message) {
    FieldPath at = fieldPath(message.getInstanceLocation());
    String inBody = (at.isRoot() ? Violation.ROOT_NAME : at.toString()) + " in body";
    JsonNode value = message.getInstanceNode();
    String shown = shown(value);
    String limit = message.getSchemaNode() == null ? "" : number(message.getSchemaNode());
    return switch (message.getType()) {
      case "required" -> Violation.required(at.child(missingProperty(message)));
      case "additionalProperties" -> Violation.unknownField(at.child(message.getProperty()));
      case "enum" -> Violation.notSupported(at, shown, enumValues(message.getSchemaNode()));
      case "pattern" ->
          Violation.invalid(
              at, shown, inBody + " should match '" + message.getSchemaNode().asText() + "'");
      case "type" ->
          Violation.invalid(
              at,
              quoted(SchemaNode.typeNameOf(value)),
              inBody
                  + " must be of type "
                  + expectedTypes(message.getSchemaNode())
                  + ": "
                  + quoted(SchemaNode.typeNameOf(value)));
      case "format" -> {
        String format = message.getSchemaNode().asText();
        yield Violation.invalid(at, shown, inBody + " must be of type " + format + ": " + shown);
      }
      case "maximum" ->
          Violation.invalid(
              at,
              shown,
              inBody + " should be less than " + orEqual(message, "exclusiveMaximum") + limit);
      case "minimum" ->
          Violation.invalid(
              at,
              shown,
              inBody + " should be greater than " + orEqual(message, "exclusiveMinimum") + limit);
      case "multipleOf" ->
          Violation.invalid(at, shown, inBody + " should be a multiple of " + limit);
      case "maxLength" -> Violation.tooLong(at, limit);
      case "minLength" ->
          Violation.invalid(at, shown, inBody + " should be at least " + limit + " chars long");
      case "maxItems", "maxProperties" -> Violation.tooMany(at, value.size(), limit);
      case "minItems" ->
          Violation.invalid(
              at,
              String.valueOf(value.size()),
              inBody + " should have at least " + limit + " items");
      case "minProperties" ->
          Violation.invalid(
              at,
              String.valueOf(value.size()),
              inBody + " should have at least " + limit + " properties");
      default -> Violation.invalid(at, shown, inBody + " " + withoutLocation(message));
    };
  }

  /** Names list items by index and map entries by key, telling maps from structs by the schema. */
  private FieldPath fieldPath(JsonNodePath location) {
    FieldPath path = FieldPath.root();
    SchemaNode schema = rootSchema;
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path = path.index(index);
        schema = schema.items().orElse(SchemaNode.empty());
        continue;
      }
      String name = String.valueOf(element);
      Optional<SchemaNode> property = schema.property(name);
      if (property.isEmpty() && schema.additionalProperties().isPresent()) {
        path = path.key(name);
        schema = schema.additionalProperties().get();
      } else {
        path = path.child(name);
        schema = property.orElse(SchemaNode.empty());
      }
    }
    return path;
  }

  private static String missingProperty(ValidationMessage message) {
    if (message.getProperty() != null) {
      return message.getProperty();
    }
    Object[] arguments = message.getArguments();
    return arguments != null && arguments.length > 0 ? String.valueOf(arguments[0]) : "";
  }

  // Draft 4 keeps exclusiveness in a sibling flag, so read it from the schema node the keyword sits
  // in.
  private String orEqual(ValidationMessage message, String exclusiveFlag) {
    JsonNodePath keywordPath = message.getSchemaLocation().getFragment();
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < keywordPath.getNameCount() - 1; i++) {
      String segment = String.valueOf(keywordPath.getElement(i));
      pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
    }
    boolean exclusive = strictSchema.at(pointer.toString()).path(exclusiveFlag).asBoolean(false);
    return exclusive ? "" : "or equal to ";
  }

  private static List<String> enumValues(JsonNode enumKeyword) {
    List<String> values = new ArrayList<>();
    enumKeyword.forEach(value -> values.add(value.toString()));
    return values;
  }

  private static String expectedTypes(JsonNode typeKeyword) {
    if (!typeKeyword.isArray()) {
      return typeKeyword.asText();
    }
    List<String> types = new ArrayList<>();
    typeKeyword.forEach(type -> types.add(type.asText()));
    return String.join(",", types);
  }

  private static String withoutLocation(ValidationMessage message) {
    String text = message.getMessage();
    int colon = text.indexOf(": ");
    return colon >= 0 ? text.substring(colon + 2) : text;
  }

  /** A value as the API server prints it: scalars literally, containers by their type. */
  private static String shown(JsonNode value) {
    if (value == null) {
      return "null";
    }
    return value.isContainerNode() ? quoted(SchemaNode.typeNameOf(value)) : value.toString();
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  // Generated CRDs store every bound as a double (10.0); the API server prints 10.
  private static String number(JsonNode keyword) {
    return keyword.isNumber()
        ? new BigDecimal(keyword.asText()).stripTrailingZeros().toPlainString()
        : keyword.asText();
  }
}
