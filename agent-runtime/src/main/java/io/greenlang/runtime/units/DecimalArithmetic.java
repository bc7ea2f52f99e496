package io.greenlang.runtime.units;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one place calculations divide. Additions, subtractions and multiplications of {@link
 * BigDecimal}s are exact; a quotient is rounded to {@link #DIVISION} (34 significant digits,
 * half-even, the precision of IEEE 754 decimal128), so a quotient that fits in 34 digits is exact.
 * Presentation rounding is separate ({@link RoundingRule}).
 */
public final class DecimalArithmetic {

  /** The precision of every division: 34 significant digits, {@link RoundingMode#HALF_EVEN}. */
  public static final MathContext DIVISION = MathContext.DECIMAL128;

  private DecimalArithmetic() {}

  /** {@code dividend / divisor} to {@link #DIVISION}, trailing zeros stripped. */
  public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
    if (divisor.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    BigDecimal stripped = divisor.stripTrailingZeros();
    if (stripped.unscaledValue().equals(BigInteger.ONE)) {
      // Dividing by a power of ten (unit conversions mostly do) only moves the decimal point; the
      // result is the same as the general path's, without its long division.
      return strip(dividend.scaleByPowerOfTen(stripped.scale()).round(DIVISION));
    }
    return strip(dividend.divide(divisor, DIVISION));
  }

  /** The value without trailing zeros; zero as {@code 0} (not {@code 0E-10}). */
  public static BigDecimal strip(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /**
   * The canonical text of a decimal: plain notation, no exponent, no trailing zeros, {@code 0} for
   * zero, a leading {@code -} for negatives ({@code 56100}, {@code 0.1}, {@code -2.5}).
   */
  public static String plain(BigDecimal value) {
    return strip(value).toPlainString();
  }
}
