package io.greenlang.runtime.schema.audit;

import java.util.Objects;

/** An audit event or query argument that is missing or malformed; names the offending field. */
public class AuditFieldException extends IllegalArgumentException {

  private final String field;

  public AuditFieldException(String field, String message) {
    super(field + ": " + message);
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The field's name as the REST API spells it, e.g. {@code eventType}. */
  public String field() {
    return field;
  }
}
