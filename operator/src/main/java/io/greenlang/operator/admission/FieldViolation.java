package io.greenlang.operator.admission;

/**
 * One broken admission rule: the field it is about (such as {@code
 * spec.llm.providers[1].endpoint}), a CamelCase reason for conditions and Events, and a message
 * that says what is wrong and why.
 */
public record FieldViolation(String field, String reason, String message) {

  /** The form users read in a denial, a condition or an Event: {@code <field>: <message>}. */
  public String describe() {
    return field + ": " + message;
  }
}
