package io.greenlang.runtime.units;

/** A unit symbol that is not one of {@link BaseUnit}'s, or a malformed ratio. */
public class UnknownUnitException extends IllegalArgumentException {
  public UnknownUnitException(String message) {
    super(message);
  }
}
