package io.greenlang.runtime.calculation.ghg;

import io.greenlang.runtime.calculation.FactorChoice;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.units.BaseUnit;
import io.greenlang.runtime.units.Dimension;
import io.greenlang.runtime.units.Quantity;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Scope 2 arithmetic shared by the location- and market-based formulas. */
final class ElectricityFactors {

  private ElectricityFactors() {}

  /**
   * Tonnes CO2e of {@code electricity} at a factor (mass CO2e per energy) chosen by {@code choice}.
   *
   * @throws InvalidInputException naming {@code field} when the factor is not mass per energy
   */
  static BigDecimal tonnes(
      Quantity electricity,
      FactorChoice choice,
      String quantity,
      LocalDate asOf,
      FactorLookup factors,
      String field) {
    Quantity factor = choice.resolve(factors, quantity, asOf, field);
    if (!factor.unit().isRatio()
        || factor.unit().dimension() != Dimension.MASS
        || factor.unit().denominator().dimension() != Dimension.ENERGY) {
      throw new InvalidInputException(
          field,
          "the factor is in "
              + factor.unit().symbol()
              + "; it must be mass of CO2e per energy, e.g. kg/kWh");
    }
    return electricity.times(factor).valueIn(BaseUnit.TONNE);
  }

  static BigDecimal megawattHours(Quantity electricity) {
    return electricity.valueIn(BaseUnit.MEGAWATT_HOUR);
  }
}
