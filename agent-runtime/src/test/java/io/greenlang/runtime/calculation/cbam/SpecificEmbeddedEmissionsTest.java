package io.greenlang.runtime.calculation.cbam;

import static io.greenlang.runtime.calculation.CalculationFixtures.calculate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.catalog.FactorCatalog;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of Regulation (EU) 2023/956 Annex IV: SEE = AttrEm / AL for simple goods and SEE
 * = (AttrEm + Σ M_i × SEE_i) / AL for complex goods, direct and indirect separately.
 */
class SpecificEmbeddedEmissionsTest {

  private final FactorCatalog catalog = FactorCatalog.builtInOnly();

  /** 1,800 t direct and 200,000 kg (= 200 t) indirect over 1,000 t: SEE 1.8 and 0.2 t/t. */
  @Test
  void simpleGood() {
    SpecificEmbeddedEmissions.Output out =
        calculate(
                SpecificEmbeddedEmissions.simpleGoods(),
                """
                {"attributedEmissions": {"direct": {"value": "1800", "unit": "t"},
                                         "indirect": {"value": "200000", "unit": "kg"}},
                 "activityLevel": {"value": "1000", "unit": "t"}}
                """,
                catalog)
            .output();
    assertThat(out.seeDirect()).isEqualByComparingTo("1.8");
    assertThat(out.seeIndirect()).isEqualByComparingTo("0.2");
  }

  /**
   * A complex good with one precursor: 900 t of pig iron at 1.9 (direct) and 0.1 (indirect) t/t.
   * Direct: (1,800 + 900 × 1.9) / 1,000 = (1,800 + 1,710) / 1,000 = 3.51. Indirect: (200 + 900 ×
   * 0.1) / 1,000 = 0.29.
   */
  @Test
  void complexGoodAddsItsPrecursors() {
    SpecificEmbeddedEmissions.Output out =
        calculate(
                SpecificEmbeddedEmissions.complexGoods(),
                """
                {"attributedEmissions": {"direct": {"value": "1800", "unit": "t"},
                                         "indirect": {"value": "200", "unit": "t"}},
                 "activityLevel": {"value": "1000", "unit": "t"},
                 "precursors": [{"name": "pig iron", "consumed": {"value": "900", "unit": "t"},
                                 "seeDirect": {"value": "1.9", "unit": "t/t"},
                                 "seeIndirect": {"value": "100", "unit": "kg/t"}}]}
                """,
                catalog)
            .output();
    assertThat(out.embeddedDirectTonnes()).isEqualByComparingTo("3510");
    assertThat(out.seeDirect()).isEqualByComparingTo("3.51");
    assertThat(out.seeIndirect()).isEqualByComparingTo("0.29");
  }

  /** 1 t over 3 t is a non-terminating quotient: 34 significant digits, half-even. */
  @Test
  void divisionsFollowTheDocumentedPrecision() {
    SpecificEmbeddedEmissions.Output out =
        calculate(
                SpecificEmbeddedEmissions.simpleGoods(),
                """
                {"attributedEmissions": {"direct": {"value": "1", "unit": "t"},
                                         "indirect": {"value": "2", "unit": "t"}},
                 "activityLevel": {"value": "3", "unit": "t"}}
                """,
                catalog)
            .output();
    assertThat(out.seeDirect().toPlainString()).isEqualTo("0.3333333333333333333333333333333333");
    assertThat(out.seeIndirect().toPlainString()).isEqualTo("0.6666666666666666666666666666666667");
  }

  @Test
  void invalidInputNamesTheField() {
    assertThatThrownBy(
            () ->
                calculate(
                    SpecificEmbeddedEmissions.simpleGoods(),
                    """
                    {"attributedEmissions": {"direct": {"value": "1", "unit": "t"},
                                             "indirect": {"value": "0", "unit": "t"}},
                     "activityLevel": {"value": "0", "unit": "t"}}
                    """,
                    catalog))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo("activityLevel.value: must be more than zero"));
    assertThatThrownBy(
            () ->
                calculate(
                    SpecificEmbeddedEmissions.complexGoods(),
                    """
                    {"attributedEmissions": {"direct": {"value": "1", "unit": "t"},
                                             "indirect": {"value": "0", "unit": "t"}},
                     "activityLevel": {"value": "1", "unit": "t"},
                     "precursors": [{"name": "clinker", "consumed": {"value": "1", "unit": "t"},
                       "seeDirect": {"value": "0.8", "unit": "t/MWh"},
                       "seeIndirect": {"value": "0", "unit": "t/t"}}]}
                    """,
                    catalog))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("precursors[0].seeDirect.unit");
              assertThat(e.problem()).isEqualTo("t/MWh is mass per energy; expected mass per mass");
            });
  }
}
