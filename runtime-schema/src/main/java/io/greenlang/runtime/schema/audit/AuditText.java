package io.greenlang.runtime.schema.audit;

/**
 * The rules for the ledger's text fields (tenant, actor, target), the same as the CHECK constraints
 * of {@code greenlang.audit_events}: required, at most a given length, and free of control
 * characters, so that in the canonical form a line feed always ends a field.
 */
public final class AuditText {

  /** Longest tenant id, as PostgreSQL and Kubernetes names allow. */
  public static final int TENANT_MAX_LENGTH = 253;

  public static final int ACTOR_MAX_LENGTH = 256;

  public static final int TARGET_MAX_LENGTH = 1024;

  private static final int SHOWN_IN_ERRORS = 80;

  private AuditText() {}

  /**
   * Returns {@code value} when it is a valid tenant id.
   *
   * @throws AuditFieldException naming {@code tenant} otherwise
   */
  public static String requireTenant(String value) {
    return require("tenant", value, TENANT_MAX_LENGTH);
  }

  /**
   * Returns {@code value} when it is not blank, at most {@code maxLength} characters long and free
   * of control characters (U+0000 to U+001F, U+007F to U+009F).
   *
   * @throws AuditFieldException naming {@code field} otherwise
   */
  public static String require(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new AuditFieldException(field, "is required");
    }
    if (value.length() > maxLength) {
      throw new AuditFieldException(
          field, "is " + value.length() + " characters long, at most " + maxLength + " allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      if (isControl(value.charAt(i))) {
        throw new AuditFieldException(
            field,
            String.format(
                "contains the control character U+%04X at index %d; control characters are not"
                    + " allowed",
                (int) value.charAt(i), i));
      }
    }
    if (!isWellFormed(value)) {
      throw new AuditFieldException(field, "contains an unpaired UTF-16 surrogate");
    }
    return value;
  }

  static boolean isControl(char c) {
    return c <= 0x1f || (c >= 0x7f && c <= 0x9f);
  }

  /** Whether every surrogate in {@code value} is part of a pair, so it encodes to UTF-8 as is. */
  static boolean isWellFormed(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** A value fit for an error message: shortened, with control characters shown as escapes. */
  static String printable(String value) {
    StringBuilder shown = new StringBuilder();
    int end = Math.min(value.length(), SHOWN_IN_ERRORS);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      shown.append(isControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return value.length() > end ? shown + "…" : shown.toString();
  }
}
