package io.greenlang.crds.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One reason a manifest would be rejected, worded the way the API server words it: the field path
 * first, then the error type, then the detail ({@code spec.tier: Unsupported value: "GOLD":
 * supported values: "FREE"}).
 *
 * @param field the offending field in Kubernetes notation ({@code spec.members[0].role}); empty for
 *     the root
 * @param type what kind of error it is
 * @param message the complete message, starting with the field path
 */
public record Violation(String field, ViolationType type, String message) {

  /**
   * How the root of the object is named in messages (the API server prints an empty path oddly).
   */
  static final String ROOT_NAME = "<root>";

  @Override
  public String toString() {
    return message;
  }

  static Violation required(FieldPath field) {
    return of(field, ViolationType.REQUIRED, "");
  }

  static Violation required(FieldPath field, String detail) {
    return of(field, ViolationType.REQUIRED, detail);
  }

  static Violation notSupported(FieldPath field, String value, List<String> supported) {
    String choices = supported.stream().collect(Collectors.joining(", "));
    return of(field, ViolationType.NOT_SUPPORTED, value + ": supported values: " + choices);
  }

  static Violation invalid(FieldPath field, String value, String detail) {
    return of(field, ViolationType.INVALID, value + ": " + detail);
  }

  static Violation forbidden(FieldPath field, String detail) {
    return of(field, ViolationType.FORBIDDEN, detail);
  }

  static Violation duplicate(FieldPath field, String value) {
    return of(field, ViolationType.DUPLICATE, value);
  }

  static Violation tooLong(FieldPath field, String limit) {
    return of(field, ViolationType.TOO_LONG, "may not be longer than " + limit);
  }

  static Violation tooMany(FieldPath field, int actual, String limit) {
    return of(field, ViolationType.TOO_MANY, actual + ": must have at most " + limit + " items");
  }

  static Violation unknownField(FieldPath field) {
    return of(field, ViolationType.UNKNOWN_FIELD, "");
  }

  static Violation brokenRule(FieldPath field, String detail) {
    return of(field, ViolationType.BROKEN_RULE, detail);
  }

  private static Violation of(FieldPath field, ViolationType type, String detail) {
    String name = field.isRoot() ? ROOT_NAME : field.toString();
    String message = name + ": " + type.label() + (detail.isEmpty() ? "" : ": " + detail);
    return new Violation(field.toString(), type, message);
  }
}
