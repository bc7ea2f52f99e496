package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every {@code x-kubernetes-validations} rule of a schema against an object, as the API server
 * does on create and update: rules run where the value is present, transition rules (those using
 * {@code oldSelf}) only where an old value exists, unless they declare {@code optionalOldSelf}.
 */
final class CelRuleCheck {

  private final SchemaNode rootSchema;
  private final CelRuleEvaluator evaluator;

  CelRuleCheck(SchemaNode rootSchema, CelRuleEvaluator evaluator) {
    this.rootSchema = rootSchema;
    this.evaluator = evaluator;
  }

  /**
   * @param oldObject the stored object on update, {@code null} on create
   */
  List<Violation> check(JsonNode object, JsonNode oldObject) {
    List<Violation> violations = new ArrayList<>();
    SchemaValueWalker.walk(
        rootSchema,
        object,
        oldObject,
        (path, schema, value, oldValue) -> {
          // A value of the wrong type or format is already a schema violation; its rules would
          // only fail noisily.
          if (!schema.celRules().isEmpty()
              && schema.acceptsTypeOf(value)
              && KubernetesFormats.isWellFormed(value, schema)) {
            violations.addAll(checkNode(path, schema, value, oldValue));
          }
        });
    return violations;
  }

  private List<Violation> checkNode(
      FieldPath path, SchemaNode schema, JsonNode value, JsonNode oldValue) {
    Object self = CelValueConverter.toCel(value, schema);
    Object oldSelf = oldValue == null ? null : CelValueConverter.toCel(oldValue, schema);
    String typeName = schema.type().isEmpty() ? SchemaNode.typeNameOf(value) : schema.type();
    List<Violation> violations = new ArrayList<>();
    for (CelRule rule : schema.celRules()) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("self", self);
      if (rule.isTransitionRule()) {
        if (rule.optionalOldSelf()) {
          variables.put("oldSelf", Optional.ofNullable(oldSelf));
        } else if (oldSelf == null) {
          continue;
        } else {
          variables.put("oldSelf", oldSelf);
        }
      }
      violations.addAll(evaluator.evaluate(rule, path, schema, typeName, variables));
    }
    return violations;
  }
}
