package io.greenlang.runtime.calculation.store;

/** A tenant this runtime cannot act for: no login role is registered for it, or it is another's. */
public class UnknownTenantException extends RuntimeException {
  public UnknownTenantException(String message) {
    super(message);
  }
}
