package io.greenlang.runtime.calculation.store;

/** A run, result or factor table the tenant does not have. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
