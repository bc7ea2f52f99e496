package io.greenlang.runtime.units;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value with its unit. Converting and combining quantities checks the units and fails loudly with
 * both units named; multiplications are exact and divisions follow {@link DecimalArithmetic}.
 */
public record Quantity(BigDecimal value, Unit unit) {

  public Quantity {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
  }

  /** A quantity from a decimal text and a unit symbol, e.g. {@code of("1000", "t")}. */
  public static Quantity of(String value, String unit) {
    return new Quantity(new BigDecimal(value), Unit.parse(unit));
  }

  public static Quantity of(BigDecimal value, BaseUnit unit) {
    return new Quantity(value, Unit.of(unit));
  }

  /** This quantity in {@code target}; the same unit returns this quantity unchanged. */
  public Quantity to(Unit target) {
    if (unit.equals(target)) {
      return this;
    }
    if (!unit.convertsTo(target)) {
      throw IncompatibleUnitsException.conversion(unit, target);
    }
    BigDecimal converted;
    if (unit.isRatio()) {
      // value × (n_from/n_to) ÷ (d_from/d_to): multiply first, divide once at the end.
      BigDecimal numerator =
          value
              .multiply(unit.numerator().toReference())
              .multiply(target.denominator().toReference());
      BigDecimal denominator =
          target.numerator().toReference().multiply(unit.denominator().toReference());
      converted = DecimalArithmetic.divide(numerator, denominator);
    } else {
      converted =
          DecimalArithmetic.divide(
              value.multiply(unit.numerator().toReference()), target.numerator().toReference());
    }
    return new Quantity(converted, target);
  }

  /** This quantity in {@code target}. */
  public Quantity to(BaseUnit target) {
    return to(Unit.of(target));
  }

  /**
   * This quantity times a rate: {@code 48 TJ × 56100 kg/TJ = 2692800 kg}. The rate's denominator
   * must have this quantity's dimension; this quantity is first converted into the rate's
   * denominator unit. A dimensionless rate (a share, a percentage) keeps this quantity's unit.
   */
  public Quantity times(Quantity rate) {
    Unit rateUnit = rate.unit();
    if (!rateUnit.isRatio()) {
      if (rateUnit.dimension() != Dimension.DIMENSIONLESS) {
        throw new IncompatibleUnitsException(
            "cannot multiply "
                + unit.symbol()
                + " by "
                + rateUnit.symbol()
                + ": the second factor must be a rate (x/"
                + unit.symbol()
                + ") or dimensionless");
      }
      return new Quantity(
          value.multiply(rate.value()).multiply(rateUnit.numerator().toReference()), unit);
    }
    if (unit.isRatio() || unit.dimension() != rateUnit.denominator().dimension()) {
      throw new IncompatibleUnitsException(
          "cannot multiply "
              + unit.symbol()
              + " ("
              + unit.describeDimension()
              + ") by "
              + rateUnit.symbol()
              + " ("
              + rateUnit.describeDimension()
              + "): the rate must be per "
              + unit.describeDimension());
    }
    BigDecimal inDenominator = to(Unit.of(rateUnit.denominator())).value();
    return new Quantity(inDenominator.multiply(rate.value()), Unit.of(rateUnit.numerator()));
  }

  /** This quantity divided by another, as a ratio unit: {@code 1800 t ÷ 1000 t = 1.8 t/t}. */
  public Quantity per(Quantity divisor) {
    if (unit.isRatio() || divisor.unit().isRatio()) {
      throw new IncompatibleUnitsException(
          "cannot divide "
              + unit.symbol()
              + " by "
              + divisor.unit().symbol()
              + ": ratios of ratios");
    }
    return new Quantity(
        DecimalArithmetic.divide(value, divisor.value()),
        Unit.ratio(unit.numerator(), divisor.unit().numerator()));
  }

  /** The sum in this quantity's unit. */
  public Quantity plus(Quantity other) {
    return new Quantity(value.add(other.to(unit).value()), unit);
  }

  /** The difference in this quantity's unit. */
  public Quantity minus(Quantity other) {
    return new Quantity(value.subtract(other.to(unit).value()), unit);
  }

  /** The value in {@code target}, as a plain decimal. */
  public BigDecimal valueIn(BaseUnit target) {
    return to(target).value();
  }

  @Override
  public String toString() {
    return DecimalArithmetic.plain(value) + " " + unit.symbol();
  }
}
