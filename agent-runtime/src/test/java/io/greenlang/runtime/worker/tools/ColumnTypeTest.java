package io.greenlang.runtime.worker.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ColumnTypeTest {

  @Test
  void cnCodesAreEightDigitsWithSpacesAndDotsRemoved() {
    assertThat(ColumnType.CN_CODE.normalise("7208 51 20")).isEqualTo("72085120");
    assertThat(ColumnType.CN_CODE.normalise("2523.29.00")).isEqualTo("25232900");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ColumnType.CN_CODE.normalise("720851"))
        .withMessage("'720851' is not a CN code: 8 digits expected, such as 72085120");
    assertThatIllegalArgumentException().isThrownBy(() -> ColumnType.CN_CODE.normalise("7208512A"));
  }

  @Test
  void countriesAreIso3166Alpha2() {
    assertThat(ColumnType.ISO_COUNTRY.normalise("cn")).isEqualTo("CN");
    assertThat(ColumnType.ISO_COUNTRY.normalise("TR")).isEqualTo("TR");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ColumnType.ISO_COUNTRY.normalise("XX"))
        .withMessageContaining("ISO 3166-1 alpha-2");
    assertThatIllegalArgumentException().isThrownBy(() -> ColumnType.ISO_COUNTRY.normalise("CHN"));
  }

  @Test
  void decimalsAreExactAndPlain() {
    assertThat(ColumnType.POSITIVE_DECIMAL.normalise("120.500")).isEqualTo("120.500");
    assertThat(ColumnType.DECIMAL.normalise("-0.25")).isEqualTo("-0.25");
    assertThat(ColumnType.NON_NEGATIVE_DECIMAL.normalise("0")).isEqualTo("0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ColumnType.POSITIVE_DECIMAL.normalise("0.000"))
        .withMessage("'0.000' is not greater than zero");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ColumnType.POSITIVE_DECIMAL.normalise("12,5"))
        .withMessage("'12,5' is not a decimal number (use '.' as the decimal separator)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ColumnType.DECIMAL.normalise("1e3"))
        .withMessage("'1e3' is not a decimal number");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ColumnType.NON_NEGATIVE_DECIMAL.normalise("-1"))
        .withMessage("'-1' is negative");
  }

  @Test
  void integersAndDates() {
    assertThat(ColumnType.INTEGER.normalise("+2026")).isEqualTo("2026");
    assertThatIllegalArgumentException().isThrownBy(() -> ColumnType.INTEGER.normalise("1.5"));
    assertThat(ColumnType.DATE.normalise("2026-03-31")).isEqualTo("2026-03-31");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ColumnType.DATE.normalise("31.03.2026"))
        .withMessageContaining("YYYY-MM-DD");
  }

  @Test
  void rulesAreParsedFromTheColumnsSetting() {
    assertThat(ColumnRule.parse("cn_code:cn-code, installation : text?", "columns"))
        .containsExactly(
            new ColumnRule("cn_code", ColumnType.CN_CODE, true),
            new ColumnRule("installation", ColumnType.TEXT, false));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ColumnRule.parse("mass:float", "spec.tools[validate-csv].config.columns"))
        .withMessageStartingWith(
            "spec.tools[validate-csv].config.columns: column mass: unknown column type 'float'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ColumnRule.parse("mass", "columns"))
        .withMessageContaining("'mass' is not name:type");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ColumnRule.parse("a:text,a:text", "columns"))
        .withMessageContaining("listed twice");
  }
}
