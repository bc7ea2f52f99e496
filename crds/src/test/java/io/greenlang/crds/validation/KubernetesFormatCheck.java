package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports strings that do not parse in the Kubernetes formats the JSON Schema validator cannot
 * check the Kubernetes way ({@code duration} in Go syntax, {@code byte} as base64).
 */
final class KubernetesFormatCheck {

  private KubernetesFormatCheck() {}

  static List<Violation> check(SchemaNode rootSchema, JsonNode object) {
    List<Violation> violations = new ArrayList<>();
    SchemaValueWalker.walk(
        rootSchema,
        object,
        null,
        (path, schema, value, oldValue) -> {
          boolean checkedHere = KubernetesFormats.CHECKED_HERE.contains(schema.format());
          if (checkedHere && !KubernetesFormats.isWellFormed(value, schema)) {
            String shown = value.toString();
            violations.add(
                Violation.invalid(
                    path,
                    shown,
                    path + " in body must be of type " + schema.format() + ": " + shown));
          }
        });
    return violations;
  }
}
