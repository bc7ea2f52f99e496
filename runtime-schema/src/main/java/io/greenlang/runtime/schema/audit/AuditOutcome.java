package io.greenlang.runtime.schema.audit;

/** How the recorded action ended, as stored in {@code greenlang.audit_events.outcome}. */
public enum AuditOutcome {
  /** The action was carried out. */
  SUCCESS("success"),
  /** The action was attempted and failed. */
  FAILURE("failure"),
  /** The action was refused: not authorised, over quota, against a policy. */
  DENIED("denied");

  private final String code;

  AuditOutcome(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /**
   * The outcome with this code.
   *
   * @throws AuditFieldException naming {@code outcome} when the code is missing or unknown
   */
  public static AuditOutcome fromCode(String code) {
    if (code == null || code.isBlank()) {
      throw new AuditFieldException("outcome", "is required: success, failure or denied");
    }
    for (AuditOutcome outcome : values()) {
      if (outcome.code.equals(code)) {
        return outcome;
      }
    }
    throw new AuditFieldException(
        "outcome",
        "unknown outcome \""
            + AuditText.printable(code)
            + "\"; expected success, failure or denied");
  }
}
