package io.greenlang.runtime.schema.audit;

/**
 * The eleven groups of audit event types in shared/DOMAIN.md ("Audit event types"), as stored in
 * {@code greenlang.audit_event_types.category}.
 */
public enum AuditEventCategory {
  AUTHENTICATION("authentication"),
  USER_MANAGEMENT("user_management"),
  DATA_ACCESS("data_access"),
  DATA_CHANGES("data_changes"),
  AGENTS("agents"),
  APPLICATIONS("applications"),
  REPORTS_AND_CALCULATIONS("reports_and_calculations"),
  CONFIGURATION("configuration"),
  SECURITY("security"),
  COMPLIANCE("compliance"),
  ADMIN("admin");

  private final String code;

  AuditEventCategory(String code) {
    this.code = code;
  }

  /** The category as stored and shown, e.g. {@code data_access}. */
  public String code() {
    return code;
  }
}
