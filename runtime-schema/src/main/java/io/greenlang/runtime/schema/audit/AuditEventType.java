package io.greenlang.runtime.schema.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The audit event types of shared/DOMAIN.md ("Audit event types") with their category: all 62 the
 * list names (its heading says 59). Migration V5 stores the same list in {@code
 * greenlang.audit_event_types}, which every ledger entry refers to.
 */
public enum AuditEventType {
  USER_LOGIN("user.login", AuditEventCategory.AUTHENTICATION),
  USER_LOGOUT("user.logout", AuditEventCategory.AUTHENTICATION),
  USER_LOGIN_FAILED("user.login_failed", AuditEventCategory.AUTHENTICATION),
  USER_PASSWORD_RESET("user.password_reset", AuditEventCategory.AUTHENTICATION),
  USER_MFA_ENABLED("user.mfa_enabled", AuditEventCategory.AUTHENTICATION),
  USER_SESSION_TIMEOUT("user.session_timeout", AuditEventCategory.AUTHENTICATION),
  USER_CREATED("user.created", AuditEventCategory.USER_MANAGEMENT),
  USER_UPDATED("user.updated", AuditEventCategory.USER_MANAGEMENT),
  USER_DELETED("user.deleted", AuditEventCategory.USER_MANAGEMENT),
  USER_ROLE_CHANGED("user.role_changed", AuditEventCategory.USER_MANAGEMENT),
  USER_PERMISSIONS_CHANGED("user.permissions_changed", AuditEventCategory.USER_MANAGEMENT),
  USER_SUSPENDED("user.suspended", AuditEventCategory.USER_MANAGEMENT),
  USER_REACTIVATED("user.reactivated", AuditEventCategory.USER_MANAGEMENT),
  DATA_READ("data.read", AuditEventCategory.DATA_ACCESS),
  DATA_EXPORT("data.export", AuditEventCategory.DATA_ACCESS),
  DATA_IMPORT("data.import", AuditEventCategory.DATA_ACCESS),
  DATA_DOWNLOAD("data.download", AuditEventCategory.DATA_ACCESS),
  DATA_PRINT("data.print", AuditEventCategory.DATA_ACCESS),
  DATA_EMAIL("data.email", AuditEventCategory.DATA_ACCESS),
  DATA_CREATED("data.created", AuditEventCategory.DATA_CHANGES),
  DATA_UPDATED("data.updated", AuditEventCategory.DATA_CHANGES),
  DATA_DELETED("data.deleted", AuditEventCategory.DATA_CHANGES),
  DATA_BULK_UPDATE("data.bulk_update", AuditEventCategory.DATA_CHANGES),
  DATA_BULK_DELETE("data.bulk_delete", AuditEventCategory.DATA_CHANGES),
  AGENT_CREATED("agent.created", AuditEventCategory.AGENTS),
  AGENT_UPDATED("agent.updated", AuditEventCategory.AGENTS),
  AGENT_DELETED("agent.deleted", AuditEventCategory.AGENTS),
  AGENT_EXECUTED("agent.executed", AuditEventCategory.AGENTS),
  AGENT_DEPLOYED("agent.deployed", AuditEventCategory.AGENTS),
  AGENT_STOPPED("agent.stopped", AuditEventCategory.AGENTS),
  AGENT_VERSION_CHANGED("agent.version_changed", AuditEventCategory.AGENTS),
  APPLICATION_CREATED("application.created", AuditEventCategory.APPLICATIONS),
  APPLICATION_DEPLOYED("application.deployed", AuditEventCategory.APPLICATIONS),
  APPLICATION_UPDATED("application.updated", AuditEventCategory.APPLICATIONS),
  APPLICATION_DELETED("application.deleted", AuditEventCategory.APPLICATIONS),
  APPLICATION_ACCESS("application.access", AuditEventCategory.APPLICATIONS),
  REPORT_GENERATED("report.generated", AuditEventCategory.REPORTS_AND_CALCULATIONS),
  REPORT_EXPORTED("report.exported", AuditEventCategory.REPORTS_AND_CALCULATIONS),
  REPORT_SUBMITTED("report.submitted", AuditEventCategory.REPORTS_AND_CALCULATIONS),
  CALCULATION_PERFORMED("calculation.performed", AuditEventCategory.REPORTS_AND_CALCULATIONS),
  CALCULATION_RECALCULATED("calculation.recalculated", AuditEventCategory.REPORTS_AND_CALCULATIONS),
  CONFIG_UPDATED("config.updated", AuditEventCategory.CONFIGURATION),
  INTEGRATION_CONFIGURED("integration.configured", AuditEventCategory.CONFIGURATION),
  TENANT_SETTINGS_CHANGED("tenant.settings_changed", AuditEventCategory.CONFIGURATION),
  SLA_UPDATED("sla.updated", AuditEventCategory.CONFIGURATION),
  SECURITY_UNAUTHORIZED_ACCESS("security.unauthorized_access", AuditEventCategory.SECURITY),
  SECURITY_PERMISSION_DENIED("security.permission_denied", AuditEventCategory.SECURITY),
  SECURITY_API_KEY_CREATED("security.api_key_created", AuditEventCategory.SECURITY),
  SECURITY_API_KEY_REVOKED("security.api_key_revoked", AuditEventCategory.SECURITY),
  SECURITY_SECRET_ACCESSED("security.secret_accessed", AuditEventCategory.SECURITY),
  SECURITY_ENCRYPTION_KEY_ROTATED("security.encryption_key_rotated", AuditEventCategory.SECURITY),
  COMPLIANCE_AUDIT_STARTED("compliance.audit_started", AuditEventCategory.COMPLIANCE),
  COMPLIANCE_AUDIT_COMPLETED("compliance.audit_completed", AuditEventCategory.COMPLIANCE),
  COMPLIANCE_POLICY_ACCEPTED("compliance.policy_accepted", AuditEventCategory.COMPLIANCE),
  COMPLIANCE_DATA_DELETION_REQUEST(
      "compliance.data_deletion_request", AuditEventCategory.COMPLIANCE),
  COMPLIANCE_DATA_PORTABILITY_REQUEST(
      "compliance.data_portability_request", AuditEventCategory.COMPLIANCE),
  COMPLIANCE_BREACH_DETECTED("compliance.breach_detected", AuditEventCategory.COMPLIANCE),
  ADMIN_USER_IMPERSONATED("admin.user_impersonated", AuditEventCategory.ADMIN),
  ADMIN_SYSTEM_SETTING_CHANGED("admin.system_setting_changed", AuditEventCategory.ADMIN),
  ADMIN_FEATURE_FLAG_TOGGLED("admin.feature_flag_toggled", AuditEventCategory.ADMIN),
  ADMIN_DATABASE_BACKUP("admin.database_backup", AuditEventCategory.ADMIN),
  ADMIN_DATABASE_RESTORE("admin.database_restore", AuditEventCategory.ADMIN);

  private static final Map<String, AuditEventType> BY_CODE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(t -> t.code, Function.identity()));

  private final String code;
  private final AuditEventCategory category;

  AuditEventType(String code, AuditEventCategory category) {
    this.code = code;
    this.category = category;
  }

  /** The type as stored and shown, e.g. {@code calculation.performed}. */
  public String code() {
    return code;
  }

  public AuditEventCategory category() {
    return category;
  }

  /**
   * The type with this code.
   *
   * @throws AuditFieldException naming {@code eventType} when the code is missing or not one of the
   *     listed types
   */
  public static AuditEventType fromCode(String code) {
    if (code == null || code.isBlank()) {
      throw new AuditFieldException("eventType", "is required, one of the audit event types");
    }
    AuditEventType type = BY_CODE.get(code);
    if (type == null) {
      throw new AuditFieldException(
          "eventType",
          "unknown audit event type \""
              + AuditText.printable(code)
              + "\"; expected one of the "
              + values().length
              + " types such as calculation.performed or agent.created"
              + " (docs/runtime/audit-ledger.md)");
    }
    return type;
  }
}
