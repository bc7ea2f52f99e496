package io.greenlang.runtime.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Conversions and combinations of quantities, and how they fail. */
class QuantityTest {

  @Test
  void convertsMassExactly() {
    assertThat(Quantity.of("1000", "t").to(BaseUnit.GIGAGRAM).value()).isEqualByComparingTo("1");
    assertThat(Quantity.of("2.5", "t").to(BaseUnit.KILOGRAM).value()).isEqualByComparingTo("2500");
    assertThat(Quantity.of("1", "Mg").to(BaseUnit.TONNE).value()).isEqualByComparingTo("1");
    assertThat(Quantity.of("1", "lb").to(BaseUnit.GRAM).value()).isEqualByComparingTo("453.59237");
  }

  @Test
  void convertsEnergyExactly() {
    assertThat(Quantity.of("1", "MWh").to(BaseUnit.GIGAJOULE).value()).isEqualByComparingTo("3.6");
    assertThat(Quantity.of("1", "TJ").to(BaseUnit.KILOWATT_HOUR).value())
        .isEqualByComparingTo("277777.7777777777777777777777777778");
    assertThat(Quantity.of("1", "MMBtu").to(BaseUnit.GIGAJOULE).value())
        .isEqualByComparingTo("1.05505585262");
    assertThat(Quantity.of("3", "GWh").to(BaseUnit.TERAJOULE).value()).isEqualByComparingTo("10.8");
  }

  @Test
  void convertsVolumeExactly() {
    assertThat(Quantity.of("1", "bbl").to(BaseUnit.LITRE).value())
        .isEqualByComparingTo("158.987294928");
    assertThat(Quantity.of("1000", "L").to(BaseUnit.CUBIC_METRE).value()).isEqualByComparingTo("1");
  }

  @Test
  void convertsRatios() {
    assertThat(Quantity.of("56100", "kg/TJ").to(Unit.parse("t/TJ")).value())
        .isEqualByComparingTo("56.1");
    assertThat(Quantity.of("56100", "kg/TJ").to(Unit.parse("kg/GJ")).value())
        .isEqualByComparingTo("56.1");
    assertThat(Quantity.of("0.4", "kg/kWh").to(Unit.parse("t/MWh")).value())
        .isEqualByComparingTo("0.4");
    assertThat(Quantity.of("97.5", "%").to(Unit.parse("1")).value()).isEqualByComparingTo("0.975");
  }

  @Test
  void multipliesByARateInTheRatesDenominator() {
    // 1,000 t of natural gas × 48.0 TJ/Gg = 48 TJ; × 56,100 kg/TJ = 2,692,800 kg.
    Quantity energy = Quantity.of("1000", "t").times(Quantity.of("48.0", "TJ/Gg"));
    assertThat(energy.unit()).isEqualTo(Unit.of(BaseUnit.TERAJOULE));
    assertThat(energy.value()).isEqualByComparingTo("48");
    assertThat(energy.times(Quantity.of("56100", "kg/TJ")).value()).isEqualByComparingTo("2692800");
    assertThat(Quantity.of("200", "t").times(Quantity.of("14", "%")).value())
        .isEqualByComparingTo("28");
  }

  @Test
  void dividesIntoARatio() {
    Quantity see = Quantity.of("1800", "t").per(Quantity.of("1000", "t"));
    assertThat(see.unit().symbol()).isEqualTo("t/t");
    assertThat(see.value()).isEqualByComparingTo("1.8");
  }

  @Test
  void incompatibleUnitsFailNamingBoth() {
    assertThatThrownBy(() -> Quantity.of("1", "t").to(BaseUnit.TERAJOULE))
        .isInstanceOf(IncompatibleUnitsException.class)
        .hasMessage("cannot convert t (mass) to TJ (energy)");
    assertThatThrownBy(() -> Quantity.of("5", "m3").times(Quantity.of("48.0", "TJ/Gg")))
        .isInstanceOf(IncompatibleUnitsException.class)
        .hasMessageContaining("m3 (volume)")
        .hasMessageContaining("TJ/Gg (energy per mass)");
    assertThatThrownBy(() -> Quantity.of("1", "kg/TJ").to(Unit.parse("kg/t")))
        .hasMessage("cannot convert kg/TJ (mass per energy) to kg/t (mass per mass)");
    assertThatThrownBy(() -> Quantity.of("1", "t").plus(Quantity.of("1", "MWh")))
        .hasMessage("cannot convert MWh (energy) to t (mass)");
  }

  @Test
  void unknownUnitsNameTheSymbol() {
    assertThatThrownBy(() -> Unit.parse("tonnes"))
        .isInstanceOf(UnknownUnitException.class)
        .hasMessageStartingWith("unknown unit tonnes; known units: g, kg, t");
    assertThatThrownBy(() -> Unit.parse("kg/TJ/x")).hasMessageContaining("more than one '/'");
    assertThatThrownBy(() -> Unit.parse("mg")).hasMessageStartingWith("unknown unit mg");
  }

  @Test
  void divisionsRoundTo34SignificantDigitsHalfEven() {
    assertThat(DecimalArithmetic.divide(BigDecimal.ONE, new BigDecimal(3)).toPlainString())
        .isEqualTo("0.3333333333333333333333333333333333");
    assertThat(DecimalArithmetic.divide(new BigDecimal(2), new BigDecimal(3)).toPlainString())
        .isEqualTo("0.6666666666666666666666666666666667");
    assertThat(DecimalArithmetic.divide(new BigDecimal("1.50"), new BigDecimal("0.5")))
        .isEqualTo(new BigDecimal("3"));
    // Powers of ten take a shortcut with the same result, rounding included.
    assertThat(DecimalArithmetic.divide(new BigDecimal("1234.5"), new BigDecimal("1000")))
        .isEqualTo(new BigDecimal("1.2345"));
    assertThat(DecimalArithmetic.divide(new BigDecimal("7"), new BigDecimal("0.010")))
        .isEqualTo(new BigDecimal("7E+2"));
    BigDecimal longValue = new BigDecimal("1234567890123456789012345678901234567");
    assertThat(DecimalArithmetic.divide(longValue, new BigDecimal("100")))
        .isEqualTo(
            DecimalArithmetic.strip(
                longValue.divide(new BigDecimal("100"), DecimalArithmetic.DIVISION)));
    assertThatThrownBy(() -> DecimalArithmetic.divide(BigDecimal.ONE, BigDecimal.ZERO))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void roundsOnlyForPresentationWithTheRuleRecorded() {
    assertThat(RoundingRule.TONNES.apply(new BigDecimal("2695.54080"))).isEqualTo("2695.541");
    assertThat(RoundingRule.TONNES.apply(new BigDecimal("0.0025"))).isEqualTo("0.002");
    assertThat(RoundingRule.MONEY.apply(new BigDecimal("48600"))).isEqualTo("48600.00");
    assertThat(RoundingRule.TONNES.describe()).isEqualTo("HALF_EVEN to 3 decimal places");
  }

  @Test
  void canonicalTextIsPlainWithoutTrailingZeros() {
    assertThat(DecimalArithmetic.plain(new BigDecimal("48.0"))).isEqualTo("48");
    assertThat(DecimalArithmetic.plain(new BigDecimal("5.61E+4"))).isEqualTo("56100");
    assertThat(DecimalArithmetic.plain(new BigDecimal("0.000"))).isEqualTo("0");
    assertThat(DecimalArithmetic.plain(new BigDecimal("-2.50"))).isEqualTo("-2.5");
  }
}
