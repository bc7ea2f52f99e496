package io.greenlang.runtime.calculation.store;

/** A database failure while serving a tenant; the API answers 500 without the driver's details. */
public class DatabaseException extends RuntimeException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
