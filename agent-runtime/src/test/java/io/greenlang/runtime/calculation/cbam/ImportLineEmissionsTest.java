package io.greenlang.runtime.calculation.cbam;

import static io.greenlang.runtime.calculation.CalculationFixtures.calculate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.calculation.Calculated;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.catalog.FactorCatalog;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of embedded emissions per import line (Regulation (EU) 2023/956 Annex IV:
 * embedded emissions = SEE × net mass). Default values and benchmarks are tenant data; the tables
 * here are test fixtures, not the Commission's published values.
 */
class ImportLineEmissionsTest {

  static final FactorCatalog CATALOG = CbamTestTables.catalog();

  /**
   * Actual data: 1,000 t at SEE 2.0 direct and 0.3 indirect: 2,000 t and 300 t, total 2,300 t.
   * Counting direct only (Annex II goods) gives 2,000 t. Benchmark 1.3 t/t × 1,000 t = 1,300 t of
   * free-allocation basis.
   */
  @Test
  void actualValues() {
    Calculated<ImportLineEmissions.Output> result =
        calculate(
            new ImportLineEmissions(),
            """
            {"lineId": "L1", "cnCode": "7208 10 00", "countryOfOrigin": "CN",
             "netMass": {"value": "1000", "unit": "t"}, "method": "actual",
             "seeDirect": {"value": "2.0", "unit": "t/t"},
             "seeIndirect": {"value": "300", "unit": "kg/t"},
             "countedEmissions": "direct",
             "benchmark": {"table": "cbam-benchmarks-test", "subject": "hot-rolled-coil"}}
            """,
            CATALOG);
    ImportLineEmissions.Output out = result.output();
    assertThat(out.embeddedDirectTonnes()).isEqualByComparingTo("2000");
    assertThat(out.embeddedIndirectTonnes()).isEqualByComparingTo("300");
    assertThat(out.countedTonnes()).isEqualByComparingTo("2000");
    assertThat(out.freeAllocationBasisTonnes()).isEqualByComparingTo("1300");
    assertThat(result.provenance().inputs().get("cnCode").asText()).isEqualTo("72081000");
    assertThat(result.provenance().outputs().get("embeddedTotalTonnes").asText()).isEqualTo("2300");
  }

  /**
   * Default values: 500 t from CN uses the country row (2.5, 0.4): 1,250 t and 200 t. 500 t from IN
   * has no country row and falls back to the CN-code row (2.2, 0.35): 1,100 t and 175 t.
   */
  @Test
  void defaultValuesByCountryThenByCnCode() {
    Calculated<ImportLineEmissions.Output> china =
        calculate(new ImportLineEmissions(), defaults("CN"), CATALOG);
    Calculated<ImportLineEmissions.Output> india =
        calculate(new ImportLineEmissions(), defaults("IN"), CATALOG);
    assertThat(china.output().embeddedDirectTonnes()).isEqualByComparingTo("1250");
    assertThat(china.output().embeddedIndirectTonnes()).isEqualByComparingTo("200");
    assertThat(china.provenance().factors())
        .extracting(r -> r.get("row").asText())
        .containsExactly("cn-ex", "cn-ex-i");
    assertThat(india.output().embeddedDirectTonnes()).isEqualByComparingTo("1100");
    assertThat(india.output().embeddedIndirectTonnes()).isEqualByComparingTo("175");
    assertThat(india.provenance().factors())
        .extracting(r -> r.get("row").asText())
        .containsExactly("any", "any-i");
  }

  @Test
  void invalidLinesNameTheField() {
    assertThatThrownBy(() -> calculate(new ImportLineEmissions(), defaults("China"), CATALOG))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("countryOfOrigin"));
    assertThatThrownBy(
            () ->
                calculate(
                    new ImportLineEmissions(),
                    """
                    {"cnCode": "72081000", "countryOfOrigin": "CN", "method": "actual",
                     "netMass": {"value": "1", "unit": "t"}, "seeDirect": {"value": "1", "unit": "t/t"}}
                    """,
                    CATALOG))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.getMessage()).isEqualTo("seeIndirect: required"));
    assertThatThrownBy(
            () ->
                calculate(
                    new ImportLineEmissions(), defaults("CN").replace("72081000", "2523"), CATALOG))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cnCode"));
    assertThatThrownBy(
            () ->
                calculate(
                    new ImportLineEmissions(),
                    defaults("CN").replace("\"default\"", "\"estimated\""),
                    CATALOG))
        .hasMessage("method: \"estimated\" is not one of actual, default");
  }

  static String defaults(String country) {
    return """
        {"cnCode": "72081000", "countryOfOrigin": "%s", "netMass": {"value": "500", "unit": "t"},
         "method": "default", "defaultValues": "cbam-defaults-test"}
        """
        .formatted(country);
  }
}
