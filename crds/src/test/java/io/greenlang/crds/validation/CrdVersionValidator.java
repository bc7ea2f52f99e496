package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates objects against the schema of one CRD version: defaulting first, then the structural
 * schema, list uniqueness, Kubernetes string formats and the CEL rules, as the API server does for
 * a create or an update.
 */
final class CrdVersionValidator {

  private final String version;
  private final SchemaNode schema;
  private final StructuralSchemaCheck structuralCheck;
  private final CelRuleCheck celRuleCheck;
  private final CelRuleEvaluator evaluator;

  CrdVersionValidator(String version, JsonNode openApiSchema, CelRuleEvaluator evaluator) {
    this.version = version;
    this.schema = SchemaNode.of(withImplicitRootFields(openApiSchema));
    this.structuralCheck = new StructuralSchemaCheck(schema);
    this.celRuleCheck = new CelRuleCheck(schema, evaluator);
    this.evaluator = evaluator;
  }

  String version() {
    return version;
  }

  SchemaNode schema() {
    return schema;
  }

  /**
   * @param oldObject the stored object on update, {@code null} on create
   */
  List<Violation> validate(JsonNode object, JsonNode oldObject) {
    JsonNode defaulted = SchemaDefaulting.apply(schema, object);
    JsonNode oldDefaulted = oldObject == null ? null : SchemaDefaulting.apply(schema, oldObject);
    List<Violation> violations = new ArrayList<>(structuralCheck.check(defaulted));
    violations.addAll(ListUniquenessCheck.check(schema, defaulted));
    violations.addAll(KubernetesFormatCheck.check(schema, defaulted));
    violations.addAll(celRuleCheck.check(defaulted, oldDefaulted));
    return violations;
  }

  /**
   * Every CEL rule of this version's schema, root first, then fields in alphabetical depth-first
   * order.
   */
  List<DeclaredCelRule> celRules() {
    List<DeclaredCelRule> rules = new ArrayList<>();
    schema.celRules().forEach(rule -> rules.add(new DeclaredCelRule(version, "", rule)));
    for (SchemaField field : SchemaField.below(schema, "")) {
      field
          .schema()
          .celRules()
          .forEach(rule -> rules.add(new DeclaredCelRule(version, field.path(), rule)));
    }
    return rules;
  }

  /** The CEL rules of this version the API server would refuse or could never run. */
  List<String> celRuleProblems() {
    return CelRuleDeclarationCheck.problems(version, schema, evaluator);
  }

  /**
   * Every object has apiVersion, kind and metadata whether or not the schema lists them; metadata
   * is the API server's business, so it is accepted as any object (root rules still see all of it).
   */
  private static JsonNode withImplicitRootFields(JsonNode openApiSchema) {
    ObjectNode root = openApiSchema.deepCopy();
    if (!root.has("type")) {
      root.put("type", "object");
    }
    ObjectNode properties = root.withObjectProperty("properties");
    if (!properties.has("apiVersion")) {
      properties.set("apiVersion", stringSchema());
    }
    if (!properties.has("kind")) {
      properties.set("kind", stringSchema());
    }
    properties.set("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
    return root;
  }

  private static ObjectNode stringSchema() {
    return JsonNodeFactory.instance.objectNode().put("type", "string");
  }
}
