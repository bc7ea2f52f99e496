package io.greenlang.runtime.schema.audit;

/**
 * The database role of a connection cannot act for the tenant asked for: it is another tenant's
 * login role, or it acts for no tenant and row level security hides every tenant's entries from it.
 */
public class AuditTenantAccessException extends IllegalStateException {

  public AuditTenantAccessException(String message) {
    super(message);
  }
}
