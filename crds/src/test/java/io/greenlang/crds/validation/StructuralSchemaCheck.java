package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.List;

/**
 * Checks an object against the OpenAPI constraints of a structural schema (types, required fields,
 * enums, patterns, bounds, formats, unknown fields) with the networknt JSON Schema validator, and
 * reports each problem as the API server would.
 */
final class StructuralSchemaCheck {

  // Structural schemas use draft 4 semantics (boolean exclusiveMaximum) plus OpenAPI's nullable
  // keyword.
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().nullableKeywordEnabled(true).build();

  private final JsonSchema jsonSchema;
  private final SchemaMessageTranslator translator;

  StructuralSchemaCheck(SchemaNode rootSchema) {
    ObjectNode strict = StrictJsonSchema.from(rootSchema);
    this.jsonSchema = FACTORY.getSchema(strict, CONFIG);
    this.translator = new SchemaMessageTranslator(rootSchema, strict);
  }

  List<Violation> check(JsonNode object) {
    return jsonSchema.validate(object).stream().map(translator::translate).toList();
  }
}
