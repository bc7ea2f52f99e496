package io.greenlang.runtime.units;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A unit as written in inputs and catalog rows: one {@link BaseUnit} ({@code t}, {@code TJ}) or a
 * ratio of two ({@code kg/TJ}, {@code TJ/Gg}, {@code t/t}, {@code EUR/t}). A ratio converts to
 * another ratio whose numerator and denominator have the same dimensions.
 */
public final class Unit {

  private static final Map<String, BaseUnit> BY_SYMBOL =
      Arrays.stream(BaseUnit.values())
          .collect(Collectors.toUnmodifiableMap(BaseUnit::symbol, Function.identity()));

  private final BaseUnit numerator;
  private final BaseUnit denominator;

  private Unit(BaseUnit numerator, BaseUnit denominator) {
    this.numerator = Objects.requireNonNull(numerator);
    this.denominator = denominator;
  }

  /** The unit of one base unit. */
  public static Unit of(BaseUnit unit) {
    return new Unit(unit, null);
  }

  /** The ratio {@code numerator/denominator}. */
  public static Unit ratio(BaseUnit numerator, BaseUnit denominator) {
    return new Unit(numerator, Objects.requireNonNull(denominator));
  }

  /**
   * Parses {@code symbol} or {@code symbol/symbol}, symbols case-sensitive.
   *
   * @throws UnknownUnitException naming the symbol and the known ones
   */
  public static Unit parse(String text) {
    if (text == null || text.isBlank()) {
      throw new UnknownUnitException("a unit is required");
    }
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    if (slash < 0) {
      return of(base(trimmed, trimmed));
    }
    if (trimmed.indexOf('/', slash + 1) >= 0) {
      throw new UnknownUnitException(
          "unit " + trimmed + " has more than one '/'; write a ratio as numerator/denominator");
    }
    return ratio(
        base(trimmed.substring(0, slash).strip(), trimmed),
        base(trimmed.substring(slash + 1).strip(), trimmed));
  }

  private static BaseUnit base(String symbol, String whole) {
    BaseUnit unit = BY_SYMBOL.get(symbol);
    if (unit == null) {
      throw new UnknownUnitException(
          "unknown unit "
              + symbol
              + (symbol.equals(whole) ? "" : " in " + whole)
              + "; known units: "
              + String.join(", ", Arrays.stream(BaseUnit.values()).map(BaseUnit::symbol).toList()));
    }
    return unit;
  }

  public BaseUnit numerator() {
    return numerator;
  }

  /** The denominator, or null when this is not a ratio. */
  public BaseUnit denominator() {
    return denominator;
  }

  public boolean isRatio() {
    return denominator != null;
  }

  /** The dimension of a simple unit, or of a ratio's numerator. */
  public Dimension dimension() {
    return numerator.dimension();
  }

  /** Whether this unit converts to {@code other}: same shape, same dimensions. */
  public boolean convertsTo(Unit other) {
    if (isRatio() != other.isRatio() || dimension() != other.dimension()) {
      return false;
    }
    return !isRatio() || denominator.dimension() == other.denominator.dimension();
  }

  /** What this unit measures, e.g. {@code mass} or {@code mass per energy}, for messages. */
  public String describeDimension() {
    return isRatio()
        ? numerator.dimension().label() + " per " + denominator.dimension().label()
        : numerator.dimension().label();
  }

  /** The symbol, e.g. {@code kg/TJ}. */
  public String symbol() {
    return isRatio() ? numerator.symbol() + "/" + denominator.symbol() : numerator.symbol();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Unit other
        && numerator == other.numerator
        && denominator == other.denominator;
  }

  @Override
  public int hashCode() {
    return Objects.hash(numerator, denominator);
  }

  @Override
  public String toString() {
    return symbol();
  }
}
