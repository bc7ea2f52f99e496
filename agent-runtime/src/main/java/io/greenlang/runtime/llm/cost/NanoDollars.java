package io.greenlang.runtime.llm.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts US dollar amounts to and from whole nano-dollars (10<sup>-9</sup> USD), the unit of the
 * gateway's Redis counters: prices have at most 6 decimals per 1,000 tokens, so every call's cost
 * is a whole number of nano-dollars and sums stay exact.
 */
public final class NanoDollars {

  private static final int SCALE = 9;

  private NanoDollars() {}

  /**
   * The amount in nano-dollars.
   *
   * @throws ArithmeticException when the amount has more than 9 decimals or does not fit a long
   */
  public static long exact(BigDecimal usd) {
    return usd.movePointRight(SCALE).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  /**
   * The amount in nano-dollars, rounded up: for reservations and limits that must not undercount.
   */
  public static long roundedUp(BigDecimal usd) {
    return usd.movePointRight(SCALE).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** The nano-dollar amount in US dollars, exact. */
  public static BigDecimal toUsd(long nanos) {
    return BigDecimal.valueOf(nanos, SCALE);
  }
}
