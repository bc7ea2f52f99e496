package io.greenlang.runtime.worker.tools.ghg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.Contexts;
import io.greenlang.runtime.worker.tools.calculation.MemoryStepCalculations;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked example from the cited built-in tables (IPCC 2006 Vol. 2 Table 1.2 NCVs, Table 2.2
 * emission factors, AR6 GWPs): 1000 t natural gas = 1 Gg × 48.0 TJ/Gg = 48 TJ; CO2 48 × 56,100 kg =
 * 2692.8 t; CH4 48 kg × 29.8 = 1.4304 t; N2O 4.8 kg × 273 = 1.3104 t; 2695.5408 t CO2e. 50 t
 * gas/diesel oil = 2.15 TJ; CO2 159.315 t; CH4 6.45 kg × 29.8 = 0.19221 t; N2O 1.29 kg × 273 =
 * 0.35217 t; 159.85938 t CO2e.
 */
class StationaryCombustionToolTest {

  private final MemoryStepCalculations calculations = new MemoryStepCalculations();
  private final StationaryCombustionTool tool = new StationaryCombustionTool(calculations);

  private ToolResult run(Map<String, Object> inputs, Map<String, String> settings) {
    return tool.execute(inputs, Contexts.context(StationaryCombustionTool.NAME, settings));
  }

  @Test
  void oneFuelGivesTheIpccTier1Figures() {
    ToolResult result =
        run(Map.of("fuel", "natural_gas", "quantity", 1000, "unit", "t"), Map.of("gwpSet", "AR6"));
    assertThat(decimal(result.outputs(), "totalCO2eTonnes")).isEqualByComparingTo("2695.5408");
    assertThat(decimal(result.outputs(), "energyTJ")).isEqualByComparingTo("48");
    assertThat(result.outputs()).containsEntry("gwpSet", "AR6");
    assertThat(result.outputs().get("tables").toString())
        .contains("for=gwpSet, id=ipcc-ar6-gwp100, version=1")
        .contains("for=emissionFactors, id=ipcc-2006-v2-ch2-t2.2, version=1");
  }

  @Test
  void aListOfFuelsIsOneRunWithTotals() {
    ToolResult result =
        run(
            Map.of(
                "fuels",
                "[{\"fuel\": \"natural_gas\", \"quantity\": \"1000\", \"unit\": \"t\"},"
                    + " {\"fuel\": \"gas_diesel_oil\", \"quantity\": \"50\", \"unit\": \"t\"}]"),
            Map.of());
    assertThat(decimal(result.outputs(), "totalCO2eTonnes")).isEqualByComparingTo("2855.40018");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fuels = (List<Map<String, Object>>) result.outputs().get("fuels");
    assertThat(fuels)
        .extracting(f -> f.get("fuel"))
        .containsExactly("natural_gas", "gas_diesel_oil");
    assertThat(new BigDecimal(fuels.get(1).get("totalCO2eTonnes").toString()))
        .isEqualByComparingTo("159.85938");
    @SuppressWarnings("unchecked")
    Map<String, Object> co2e = (Map<String, Object>) fuels.get(1).get("co2eTonnes");
    assertThat(new BigDecimal(co2e.get("N2O").toString())).isEqualByComparingTo("0.35217");
  }

  @Test
  void theGwpSetIsASettingAndPartOfTheProvenance() {
    ToolResult ar6 = run(Map.of("fuel", "natural_gas", "quantity", "1000", "unit", "t"), Map.of());
    ToolResult ar5 =
        tool.execute(
            Map.of("fuel", "natural_gas", "quantity", "1000", "unit", "t"),
            Contexts.context(
                "uid-2", "step", StationaryCombustionTool.NAME, Map.of("gwpSet", "AR5"), null));
    // AR5: CH4 48 kg × 28 = 1.344 t, N2O 4.8 kg × 265 = 1.272 t: 2695.416 t CO2e.
    assertThat(decimal(ar5.outputs(), "totalCO2eTonnes")).isEqualByComparingTo("2695.416");
    assertThat(ar5.provenanceHash()).isNotEqualTo(ar6.provenanceHash());
  }

  @Test
  void badFuelsFailNamingTheField() {
    assertThatThrownBy(
            () ->
                run(
                    Map.of(
                        "fuels",
                        List.of(Map.of("fuel", "natural_gas", "quantity", "-1", "unit", "t"))),
                    Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidInput"))
        .hasMessage("input 'fuels[0].quantity' must not be negative, was -1");
    assertThatThrownBy(
            () ->
                run(
                    Map.of("fuels", List.of(Map.of("fuel", "peat", "quantity", "1", "unit", "t"))),
                    Map.of()))
        .hasMessageStartingWith("input 'fuels[0].fuel' ");
    assertThatThrownBy(
            () -> run(Map.of("fuel", "natural_gas", "quantity", "1", "unit", "K"), Map.of()))
        .hasMessageStartingWith("input 'unit' ");
    assertThatThrownBy(() -> run(Map.of("fuel", "natural_gas", "quantity", "1"), Map.of()))
        .hasMessage("input 'unit' is required");
    assertThatThrownBy(
            () ->
                run(
                    Map.of("fuel", "natural_gas", "quantity", "1", "unit", "t"),
                    Map.of("gwpSet", "AR7")))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidToolConfig"))
        .hasMessage(
            "spec.tools[ghg.scope1.stationary_combustion].config.gwpSet: names factor table 'AR7',"
                + " which the tenant's catalog does not have");
  }

  private static BigDecimal decimal(Map<String, Object> outputs, String key) {
    return new BigDecimal(outputs.get(key).toString());
  }
}
