package io.greenlang.runtime.schema.audit;

/**
 * No partition of {@code greenlang.audit_events} covers the month an entry is appended in; the
 * schema's owner creates them ahead with {@link AuditPartitions#ensureAhead}.
 */
public class AuditPartitionMissingException extends IllegalStateException {

  public AuditPartitionMissingException(String message, Throwable cause) {
    super(message, cause);
  }
}
