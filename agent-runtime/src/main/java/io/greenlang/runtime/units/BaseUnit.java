package io.greenlang.runtime.units;

import java.math.BigDecimal;

/**
 * A unit with an exact factor to its dimension's reference unit (kg, J, m3, EUR, 1). Every factor
 * is an exact decimal by definition of the unit, so converting into the reference unit never
 * rounds.
 */
public enum BaseUnit {
  // Mass, reference kg. The pound is the international avoirdupois pound (exactly 0.45359237 kg).
  GRAM("g", Dimension.MASS, "0.001"),
  KILOGRAM("kg", Dimension.MASS, "1"),
  TONNE("t", Dimension.MASS, "1000"),
  MEGAGRAM("Mg", Dimension.MASS, "1000"),
  GIGAGRAM("Gg", Dimension.MASS, "1000000"),
  POUND("lb", Dimension.MASS, "0.45359237"),
  // Energy, reference J. 1 kWh = 3.6 MJ exactly; the British thermal unit is the International
  // Table Btu (exactly 1055.05585262 J), so 1 MMBtu = 1,055,055,852.62 J and 1 therm = 10^5 Btu.
  JOULE("J", Dimension.ENERGY, "1"),
  MEGAJOULE("MJ", Dimension.ENERGY, "1000000"),
  GIGAJOULE("GJ", Dimension.ENERGY, "1000000000"),
  TERAJOULE("TJ", Dimension.ENERGY, "1000000000000"),
  KILOWATT_HOUR("kWh", Dimension.ENERGY, "3600000"),
  MEGAWATT_HOUR("MWh", Dimension.ENERGY, "3600000000"),
  GIGAWATT_HOUR("GWh", Dimension.ENERGY, "3600000000000"),
  MILLION_BTU("MMBtu", Dimension.ENERGY, "1055055852.62"),
  THERM("therm", Dimension.ENERGY, "105505585.262"),
  // Volume, reference m3. US gallon = 231 cubic inches = 3.785411784 L exactly; oil barrel = 42 US
  // gallons; cubic foot = 0.3048^3 m3.
  CUBIC_METRE("m3", Dimension.VOLUME, "1"),
  LITRE("L", Dimension.VOLUME, "0.001"),
  KILOLITRE("kL", Dimension.VOLUME, "1"),
  US_GALLON("gal", Dimension.VOLUME, "0.003785411784"),
  BARREL("bbl", Dimension.VOLUME, "0.158987294928"),
  CUBIC_FOOT("ft3", Dimension.VOLUME, "0.028316846592"),
  // Money: one currency only; converting currencies needs an exchange rate, which is data.
  EURO("EUR", Dimension.CURRENCY, "1"),
  // Dimensionless: pure numbers and percentages (1 % = 0.01).
  ONE("1", Dimension.DIMENSIONLESS, "1"),
  PERCENT("%", Dimension.DIMENSIONLESS, "0.01");

  private final String symbol;
  private final Dimension dimension;
  private final BigDecimal toReference;

  BaseUnit(String symbol, Dimension dimension, String toReference) {
    this.symbol = symbol;
    this.dimension = dimension;
    this.toReference = new BigDecimal(toReference);
  }

  /** The symbol as written in inputs and catalog rows, case-sensitive ({@code Mg} is not mg). */
  public String symbol() {
    return symbol;
  }

  public Dimension dimension() {
    return dimension;
  }

  /** How many reference units one of this unit is, exactly. */
  public BigDecimal toReference() {
    return toReference;
  }
}
