package io.greenlang.runtime.audit;

/** The audit ledger's database failed or could not be reached; nothing was recorded. */
public class AuditStorageException extends RuntimeException {

  public AuditStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
