package io.greenlang.runtime.calculation.eudr;

import static io.greenlang.runtime.calculation.CalculationFixtures.calculate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.TestTables;
import io.greenlang.runtime.catalog.FactorCatalog;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the EUDR composite risk score (shared/DOMAIN.md weights: country 0.15,
 * supplier 0.12, commodity 0.10, corruption 0.08, deforestation 0.15, indigenous rights 0.10,
 * protected areas 0.10, legality 0.10, audit 0.05, mitigation 0.05; levels negligible <20, low <35,
 * medium <50, high <75, critical ≥75).
 */
class EudrRiskScoreTest {

  private final FactorCatalog catalog = FactorCatalog.builtInOnly();

  /**
   * Scores 40, 30, 50, 60, 20, 10, 0, 30, 50, 70: 6 + 3.6 + 5 + 4.8 + 3 + 1 + 0 + 3 + 2.5 + 3.5 =
   * 32.4, level low.
   */
  @Test
  void weightedSumAndLevel() {
    EudrRiskScore.Output out =
        calculate(
                new EudrRiskScore(),
                input("cocoa", "40", "30", "50", "60", "20", "10", "0", "30", "50", "70"),
                catalog)
            .output();
    assertThat(out.score()).isEqualByComparingTo("32.4");
    assertThat(out.level()).isEqualTo(RiskLevel.LOW);
    assertThat(out.contributions().get(RiskCriterion.SUPPLIER)).isEqualByComparingTo("3.6");
  }

  /** All criteria at 75 give 75 (the weights sum to 1): critical; at 74.99, high. */
  @Test
  void levelBounds() {
    assertThat(score("75")).isEqualTo(RiskLevel.CRITICAL);
    assertThat(score("74.99")).isEqualTo(RiskLevel.HIGH);
    assertThat(score("50")).isEqualTo(RiskLevel.HIGH);
    assertThat(score("49.99")).isEqualTo(RiskLevel.MEDIUM);
    assertThat(score("35")).isEqualTo(RiskLevel.MEDIUM);
    assertThat(score("20")).isEqualTo(RiskLevel.LOW);
    assertThat(score("19.99")).isEqualTo(RiskLevel.NEGLIGIBLE);
    assertThat(RiskLevel.of(new BigDecimal("100"))).isEqualTo(RiskLevel.CRITICAL);
  }

  @Test
  void weightsMustSumToOne() {
    String[] rows = new String[RiskCriterion.values().length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] =
          RiskCriterion.values()[i].subject()
              + ",eudr_risk_weight,"
              + RiskCriterion.values()[i].subject()
              + ",0.1,1";
    }
    FactorCatalog tenant = TestTables.catalog(TestTables.table("flat-weights", 1, rows));
    // Ten weights of 0.1 sum to 1: accepted.
    assertThat(
            calculate(
                    new EudrRiskScore(),
                    input("wood", "50", "50", "50", "50", "50", "50", "50", "50", "50", "50")
                        .replace("}}", "}, \"weights\": \"flat-weights\"}"),
                    tenant)
                .output()
                .score())
        .isEqualByComparingTo("50");
    rows[0] = "country,eudr_risk_weight,country,0.2,1";
    FactorCatalog skewed = TestTables.catalog(TestTables.table("skewed", 1, rows));
    assertThatThrownBy(
            () ->
                calculate(
                    new EudrRiskScore(),
                    input("wood", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1")
                        .replace("}}", "}, \"weights\": \"skewed\"}"),
                    skewed))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo("weights: the weights of table skewed sum to 1.1, not 1"));
  }

  @Test
  void invalidInputNamesTheField() {
    assertThatThrownBy(
            () ->
                calculate(
                    new EudrRiskScore(),
                    input("tea", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1"),
                    catalog))
        .hasMessage(
            "commodity: \"tea\" is not one of cattle, cocoa, coffee, oil_palm, rubber, soya, wood");
    assertThatThrownBy(
            () ->
                calculate(
                    new EudrRiskScore(),
                    input("soya", "1", "101", "1", "1", "1", "1", "1", "1", "1", "1"),
                    catalog))
        .hasMessage("scores.supplier: must be between 0 and 100, got 101");
  }

  private RiskLevel score(String all) {
    return calculate(
            new EudrRiskScore(),
            input("oil_palm", all, all, all, all, all, all, all, all, all, all),
            catalog)
        .output()
        .level();
  }

  private static String input(String commodity, String... s) {
    return """
        {"commodity": "%s", "scores": {"country": "%s", "supplier": "%s", "commodity": "%s",
         "corruption": "%s", "deforestation": "%s", "indigenousRights": "%s",
         "protectedAreas": "%s", "legality": "%s", "audit": "%s", "mitigation": "%s"}}
        """
        .formatted(commodity, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9]);
  }
}
