package io.greenlang.runtime.units;

/**
 * What a unit measures. Units convert only within one dimension; money has no conversion at all
 * (exchange rates are data, not units).
 */
public enum Dimension {
  MASS,
  ENERGY,
  VOLUME,
  CURRENCY,
  DIMENSIONLESS;

  /** Lower-case name used in messages. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
