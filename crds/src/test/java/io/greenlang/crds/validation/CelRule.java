package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * One entry of a schema's {@code x-kubernetes-validations}: a CEL rule and how its failure is
 * reported.
 *
 * @param rule the CEL expression that must be true
 * @param message the fixed failure message; empty when absent
 * @param messageExpression a CEL expression computing the failure message; empty when absent
 * @param fieldPath where the failure is reported, relative to the schema node ({@code .members});
 *     empty when absent
 * @param reason the API server error reason ({@code FieldValueRequired}, ...); empty when absent
 * @param optionalOldSelf whether a transition rule also runs without an old value, seeing {@code
 *     oldSelf} as an optional
 */
public record CelRule(
    String rule,
    String message,
    String messageExpression,
    String fieldPath,
    String reason,
    boolean optionalOldSelf) {

  // A rule is a transition rule when it refers to oldSelf outside string literals.
  private static final Pattern STRING_LITERAL =
      Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");

  /** Reads one element of an {@code x-kubernetes-validations} array. */
  static CelRule fromJson(JsonNode json) {
    return new CelRule(
        json.path("rule").asText(""),
        json.path("message").asText(""),
        json.path("messageExpression").asText(""),
        json.path("fieldPath").asText(""),
        json.path("reason").asText(""),
        json.path("optionalOldSelf").asBoolean(false));
  }

  /** Whether the rule compares with the previous value, so it only runs on updates. */
  public boolean isTransitionRule() {
    String withoutLiterals = STRING_LITERAL.matcher(rule).replaceAll("''");
    return OLD_SELF.matcher(withoutLiterals).find();
  }

  /** Whether the rule forbids any change to the field once set ({@code self == oldSelf}). */
  public boolean isImmutabilityRule() {
    String compact = rule.replaceAll("\\s+", "");
    return compact.equals("self==oldSelf") || compact.equals("oldSelf==self");
  }

  /** The fixed message, or the API server's stand-in when the rule has none. */
  public String messageOrDefault() {
    return message.isBlank() ? "failed rule: " + rule : message;
  }
}
