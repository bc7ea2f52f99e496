package io.greenlang.runtime.units;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a value is rounded for presentation: to {@code scale} decimal places with {@code mode}.
 * Calculations never round with it; results carry exact values and, next to each presented value,
 * the rule that produced it.
 */
public record RoundingRule(int scale, RoundingMode mode) {

  /** Tonnes (of CO2e or goods): three decimals, i.e. to the kilogram. */
  public static final RoundingRule TONNES = new RoundingRule(3, RoundingMode.HALF_EVEN);

  /** Money in EUR: to the cent. */
  public static final RoundingRule MONEY = new RoundingRule(2, RoundingMode.HALF_EVEN);

  /** Intensities such as t CO2e per t, and energy in TJ: six decimals. */
  public static final RoundingRule INTENSITY = new RoundingRule(6, RoundingMode.HALF_EVEN);

  /** Scores on a 0-100 scale: two decimals. */
  public static final RoundingRule SCORE = new RoundingRule(2, RoundingMode.HALF_EVEN);

  public RoundingRule {
    if (scale < 0) {
      throw new IllegalArgumentException("scale must not be negative: " + scale);
    }
  }

  /** The value rounded by this rule, in plain notation with exactly {@code scale} decimals. */
  public String apply(BigDecimal value) {
    return value.setScale(scale, mode).toPlainString();
  }

  /** The rule as recorded next to presented values, e.g. {@code HALF_EVEN to 3 decimal places}. */
  public String describe() {
    return mode.name() + " to " + scale + " decimal places";
  }
}
