package io.greenlang.runtime.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: converting a quantity to any unit of its dimension and back gives the quantity again,
 * exactly when both factors are powers of ten apart, otherwise within the 34-digit precision of a
 * division (relative difference below 1e-32). 2,000 random cases from a fixed seed; a failure
 * prints the seed and the case, so it can be replayed.
 */
class UnitRoundTripPropertyTest {

  private static final long SEED = 20260601L;
  private static final int CASES = 2_000;

  @Test
  void everyConversionRoundTrips() {
    Random random = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      Dimension dimension = pick(random, Dimension.MASS, Dimension.ENERGY, Dimension.VOLUME);
      BaseUnit from = unitOf(random, dimension);
      BaseUnit to = unitOf(random, dimension);
      BigDecimal value = randomValue(random);
      Quantity original = Quantity.of(value, from);

      Quantity back = original.to(to).to(Unit.of(from));

      String replay = "seed " + SEED + ", case " + i + ": " + original + " via " + to.symbol();
      if (exactPair(from, to)) {
        assertThat(back.value()).as(replay).isEqualByComparingTo(value);
      } else {
        BigDecimal difference = back.value().subtract(value).abs();
        BigDecimal tolerance = value.abs().multiply(new BigDecimal("1e-32"));
        assertThat(difference).as(replay).isLessThanOrEqualTo(tolerance);
      }
    }
  }

  @Test
  void ratioConversionsRoundTrip() {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < CASES; i++) {
      Unit from = Unit.ratio(unitOf(random, Dimension.MASS), unitOf(random, Dimension.ENERGY));
      Unit to = Unit.ratio(unitOf(random, Dimension.MASS), unitOf(random, Dimension.ENERGY));
      BigDecimal value = randomValue(random);
      Quantity back = new Quantity(value, from).to(to).to(from);
      BigDecimal difference = back.value().subtract(value).abs();
      assertThat(difference)
          .as("seed %d, case %d: %s %s via %s", SEED + 1, i, value, from, to)
          .isLessThanOrEqualTo(value.abs().multiply(new BigDecimal("1e-32")));
    }
  }

  /** Two units whose factors differ by a power of ten convert both ways without rounding. */
  private static boolean exactPair(BaseUnit a, BaseUnit b) {
    BigDecimal ratio = a.toReference().divide(b.toReference(), MathContext.DECIMAL128);
    return ratio.stripTrailingZeros().unscaledValue().abs().equals(java.math.BigInteger.ONE);
  }

  private static BigDecimal randomValue(Random random) {
    // Up to 12 significant digits, scales from 10^-6 to 10^9, sometimes negative or zero.
    long unscaled = random.nextLong() % 1_000_000_000_000L;
    return BigDecimal.valueOf(unscaled, random.nextInt(16) - 9);
  }

  private static BaseUnit unitOf(Random random, Dimension dimension) {
    List<BaseUnit> units =
        Arrays.stream(BaseUnit.values()).filter(u -> u.dimension() == dimension).toList();
    return units.get(random.nextInt(units.size()));
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }
}
