package io.greenlang.runtime.calculation.ghg;

import static io.greenlang.runtime.calculation.CalculationFixtures.calculate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.calculation.Calculated;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.TestTables;
import io.greenlang.runtime.catalog.FactorCatalog;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of formula ghg.scope1.stationary_combustion.v1, every number checkable by hand
 * from the cited tables: IPCC 2006 Guidelines Vol. 2 Ch. 2 Table 2.2 (energy industries, kg/TJ),
 * Vol. 2 Ch. 1 Table 1.2 (NCV, TJ/Gg), and the GWP100 sets of AR6 WG1 Table 7.15, AR5 WG1 Table 8.7
 * and AR4 WG1 Table 2.14.
 */
class StationaryCombustionTest {

  private final StationaryCombustion tool = new StationaryCombustion();
  private final FactorCatalog catalog = FactorCatalog.builtInOnly();

  /**
   * 1,000 t of natural gas. Energy = 1 Gg × 48.0 TJ/Gg = 48 TJ. CO2 = 48 × 56,100 = 2,692,800 kg =
   * 2,692.8 t; CH4 = 48 × 1 kg = 0.048 t; N2O = 48 × 0.1 kg = 0.0048 t. CO2e (AR6, fossil CH4 29.8,
   * N2O 273) = 2,692.8 + 0.048 × 29.8 + 0.0048 × 273 = 2,692.8 + 1.4304 + 1.3104 = 2,695.5408 t.
   */
  @Test
  void naturalGasByMassWithAr6() {
    Calculated<StationaryCombustion.Output> result = calculate(tool, naturalGas("AR6"), catalog);
    StationaryCombustion.Output out = result.output();

    assertThat(out.energyTj()).isEqualByComparingTo("48");
    assertThat(out.emissionsTonnes().get(Gas.CO2)).isEqualByComparingTo("2692.8");
    assertThat(out.emissionsTonnes().get(Gas.CH4)).isEqualByComparingTo("0.048");
    assertThat(out.emissionsTonnes().get(Gas.N2O)).isEqualByComparingTo("0.0048");
    assertThat(out.co2eTonnes().get(Gas.CH4)).isEqualByComparingTo("1.4304");
    assertThat(out.co2eTonnes().get(Gas.N2O)).isEqualByComparingTo("1.3104");
    assertThat(out.totalCo2eTonnes()).isEqualByComparingTo("2695.5408");
    assertThat(out.biogenicCo2Tonnes()).isEqualByComparingTo("0");

    assertThat(result.provenance().gwpSet()).isEqualTo("ipcc-ar6-gwp100");
    assertThat(result.provenance().factors())
        .extracting(row -> row.get("table").asText() + "#" + row.get("row").asText())
        .containsExactly(
            "ipcc-2006-v2-ch1-t1.2#natural_gas",
            "ipcc-2006-v2-ch2-t2.2#natural_gas.co2",
            "ipcc-ar6-gwp100#CO2",
            "ipcc-2006-v2-ch2-t2.2#natural_gas.ch4",
            "ipcc-ar6-gwp100#CH4_fossil",
            "ipcc-2006-v2-ch2-t2.2#natural_gas.n2o",
            "ipcc-ar6-gwp100#N2O");
    assertThat(result.provenance().presentation().at("/values/totalCO2eTonnes").asText())
        .isEqualTo("2695.541");
    assertThat(result.provenance().presentation().at("/rules/totalCO2eTonnes").asText())
        .isEqualTo("HALF_EVEN to 3 decimal places");
  }

  /**
   * The same 1,000 t with older GWP sets: AR5 (CH4 28, N2O 265) 2,692.8 + 1.344 + 1.272 = 2,695.416
   * t; AR4 (CH4 25, N2O 298) 2,692.8 + 1.2 + 1.4304 = 2,695.4304 t.
   */
  @Test
  void theGwpSetIsAParameter() {
    assertThat(calculate(tool, naturalGas("AR5"), catalog).output().totalCo2eTonnes())
        .isEqualByComparingTo("2695.416");
    assertThat(calculate(tool, naturalGas("ar4"), catalog).output().totalCo2eTonnes())
        .isEqualByComparingTo("2695.4304");
  }

  /**
   * 500 GJ of gas/diesel oil given as energy, so no NCV: 0.5 TJ. CO2 = 0.5 × 74,100 = 37,050 kg =
   * 37.05 t; CH4 = 1.5 kg; N2O = 0.3 kg. CO2e (AR6) = 37.05 + 0.0015 × 29.8 + 0.0003 × 273 = 37.05
   * + 0.0447 + 0.0819 = 37.1766 t.
   */
  @Test
  void dieselByEnergyNeedsNoCalorificValue() {
    Calculated<StationaryCombustion.Output> result =
        calculate(
            tool,
            """
            {"fuel": "gas_diesel_oil", "fuelConsumed": {"value": "500", "unit": "GJ"}}
            """,
            catalog);
    assertThat(result.output().energyTj()).isEqualByComparingTo("0.5");
    assertThat(result.output().totalCo2eTonnes()).isEqualByComparingTo("37.1766");
    assertThat(result.provenance().factors())
        .noneMatch(row -> row.get("quantity").asText().equals("net_calorific_value"));
  }

  /**
   * 10,000 t of other bituminous coal: 10 Gg × 25.8 = 258 TJ. CO2 = 258 × 94,600 kg = 24,406.8 t;
   * CH4 = 258 kg; N2O = 258 × 1.5 = 387 kg. CO2e (AR6) = 24,406.8 + 0.258 × 29.8 + 0.387 × 273 =
   * 24,406.8 + 7.6884 + 105.651 = 24,520.1394 t.
   */
  @Test
  void coal() {
    assertThat(
            calculate(
                    tool,
                    """
                    {"fuel": "other_bituminous_coal", "fuelConsumed": {"value": "10", "unit": "Gg"}}
                    """,
                    catalog)
                .output()
                .totalCo2eTonnes())
        .isEqualByComparingTo("24520.1394");
  }

  /**
   * 100 t of wood/wood waste: 0.1 Gg × 15.6 = 1.56 TJ. Biogenic CO2 = 1.56 × 112,000 kg = 174.72 t,
   * reported separately and not in CO2e. CH4 = 1.56 × 30 = 46.8 kg at the non-fossil GWP 27.0 =
   * 1.2636 t; N2O = 1.56 × 4 = 6.24 kg × 273 = 1.70352 t; CO2e = 2.96712 t.
   */
  @Test
  void biogenicCo2IsReportedSeparately() {
    Calculated<StationaryCombustion.Output> result =
        calculate(
            tool,
            """
            {"fuel": "wood_wood_waste", "fuelConsumed": {"value": "100", "unit": "t"}}
            """,
            catalog);
    StationaryCombustion.Output out = result.output();
    assertThat(out.biogenicCo2Tonnes()).isEqualByComparingTo("174.72");
    assertThat(out.emissionsTonnes().get(Gas.CO2)).isEqualByComparingTo("0");
    assertThat(out.co2eTonnes().get(Gas.CH4)).isEqualByComparingTo("1.2636");
    assertThat(out.totalCo2eTonnes()).isEqualByComparingTo("2.96712");
    assertThat(result.provenance().factors())
        .anyMatch(row -> row.get("row").asText().equals("CH4_non_fossil"));
  }

  @Test
  void aTenantTableCanSupplyFactorsPerVolume() {
    FactorCatalog withTenant =
        TestTables.catalog(
            TestTables.table("site-ncv", 1, "ng,net_calorific_value,natural_gas,0.0381,GJ/m3"));
    // 1,000,000 m3 × 0.0381 GJ/m3 = 38,100 GJ = 38.1 TJ.
    Calculated<StationaryCombustion.Output> result =
        calculate(
            tool,
            """
            {"fuel": "natural_gas", "fuelConsumed": {"value": "1000000", "unit": "m3"},
             "netCalorificValues": "site-ncv"}
            """,
            withTenant);
    assertThat(result.output().energyTj()).isEqualByComparingTo("38.1");
    assertThat(result.output().emissionsTonnes().get(Gas.CO2))
        .isEqualByComparingTo(new BigDecimal("38.1").multiply(new BigDecimal("56.1")));
  }

  @Test
  void invalidInputNamesTheField() {
    assertError("{\"fuelConsumed\": {\"value\": \"1\", \"unit\": \"t\"}}", "fuel", "required");
    assertError(
        "{\"fuel\": \"natural_gas\", \"fuelConsumed\": {\"value\": \"1\", \"unit\": \"kWh/t\"}}",
        "fuelConsumed.unit",
        "kWh/t is energy per mass; expected mass or energy or volume");
    assertError(
        "{\"fuel\": \"natural_gas\", \"fuelConsumed\": {\"value\": \"-1\", \"unit\": \"t\"}}",
        "fuelConsumed.value",
        "must not be negative");
    assertError(
        "{\"fuel\": \"natural_gas\", \"fuelConsumed\": {\"value\": \"1\", \"unit\": \"m3\"}}",
        "fuelConsumed.unit",
        "cannot multiply m3 (volume) by TJ/Gg (energy per mass)");
    assertError(
        "{\"fuel\": \"peat\", \"fuelConsumed\": {\"value\": \"1\", \"unit\": \"t\"}}",
        "fuel",
        "no factor row for net_calorific_value peat in table ipcc-2006-v2-ch1-t1.2");
    assertError(
        "{\"fuel\": \"natural_gas\", \"fuelConsumed\": {\"value\": \"1\", \"unit\": \"t\"},"
            + " \"gwpSet\": \"AR7\"}",
        "gwpSet",
        "no factor table AR7");
    assertError(
        "{\"fuel\": \"natural_gas\", \"fuelConsumed\": {\"value\": \"1\", \"unit\": \"t\"},"
            + " \"gwp_set\": \"AR5\"}",
        "gwp_set",
        "unknown field");
  }

  private void assertError(String input, String field, String problem) {
    assertThatThrownBy(() -> calculate(tool, input, catalog))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.problem()).contains(problem);
            });
  }

  private static String naturalGas(String gwpSet) {
    return """
        {"fuel": "natural_gas", "fuelConsumed": {"value": "1000", "unit": "t"}, "gwpSet": "%s"}
        """
        .formatted(gwpSet);
  }
}
