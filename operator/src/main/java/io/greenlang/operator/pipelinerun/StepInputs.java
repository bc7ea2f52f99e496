package io.greenlang.operator.pipelinerun;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.operator.pipeline.Reference;
import io.greenlang.operator.pipeline.ReferenceText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves a step's inputs for its task (C2): an input that is exactly one reference becomes the
 * referenced value with its JSON type (a list stays a list, an object an object, a number a
 * number); an input mixing text and references becomes a string with each reference's value, as
 * JSON text for lists and objects; text without references stays as written.
 */
final class StepInputs {
  private StepInputs() {}

  /**
   * The resolved inputs; throws {@link UnresolvedReferenceException} naming the field ({@code
   * field} + "." + input name) of the first that cannot be resolved.
   */
  static Map<String, Object> resolve(
      Map<String, String> inputs, Function<Reference, JsonNode> values, String field) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    if (inputs == null) {
      return resolved;
    }
    inputs.forEach(
        (name, written) -> {
          try {
            resolved.put(name, resolve(written == null ? "" : written, values));
          } catch (UnresolvedReferenceException | ReferenceText.MalformedReferenceException e) {
            throw new UnresolvedReferenceException(field + "." + name + ": " + e.getMessage());
          }
        });
    return resolved;
  }

  private static Object resolve(String written, Function<Reference, JsonNode> values) {
    ReferenceText text = ReferenceText.parse(written);
    Reference sole = text.soleReference();
    if (sole != null) {
      return values.apply(sole);
    }
    StringBuilder joined = new StringBuilder();
    for (Object part : text.parts()) {
      joined.append(part instanceof Reference r ? asText(values.apply(r)) : (String) part);
    }
    return joined.toString();
  }

  /** Strings as they are, numbers in plain notation, anything else as JSON text. */
  static String asText(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber()) {
      return value.decimalValue().toPlainString();
    }
    return BusJson.text(value);
  }
}
