package io.greenlang.runtime.units;

/** Two units that cannot be converted into each other or combined; the message names both. */
public class IncompatibleUnitsException extends IllegalArgumentException {
  public IncompatibleUnitsException(String message) {
    super(message);
  }

  static IncompatibleUnitsException conversion(Unit from, Unit to) {
    return new IncompatibleUnitsException(
        "cannot convert "
            + from.symbol()
            + " ("
            + from.describeDimension()
            + ") to "
            + to.symbol()
            + " ("
            + to.describeDimension()
            + ")");
  }
}
