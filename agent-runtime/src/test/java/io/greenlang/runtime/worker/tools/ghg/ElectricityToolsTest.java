package io.greenlang.runtime.worker.tools.ghg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.Contexts;
import io.greenlang.runtime.worker.tools.calculation.MemoryStepCalculations;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scope 2 both ways on a tenant table published from the step's input (test fixture rows). */
class ElectricityToolsTest {

  private static final String FACTORS =
      """
      rowId,quantity,subject,value,unit,source,edition,sourceTable,licence,validFrom,validTo
      grid,grid_emission_factor,SE3,0.040,t/MWh,test fixture,test,test,test fixture,,
      residual,residual_mix_factor,SE3,350,kg/MWh,test fixture,test,test,test fixture,,
      ppa,contractual_emission_factor,wind-ppa,0.010,t/MWh,test fixture,test,test,test fixture,,
      """;

  private final MemoryStepCalculations calculations = new MemoryStepCalculations();
  private final Map<String, String> settings = Map.of("factorTable", "acme-electricity");

  @Test
  void locationBasedIsElectricityTimesTheGridFactor() {
    ToolResult result =
        new LocationBasedTool(calculations)
            .execute(
                Map.of(
                    "electricity",
                    "12500",
                    "unit",
                    "MWh",
                    "gridRegion",
                    "SE3",
                    "factorTableCsv",
                    FACTORS),
                Contexts.context(LocationBasedTool.NAME, settings));
    assertThat(decimal(result.outputs(), "co2eTonnes")).isEqualByComparingTo("500");
    assertThat(decimal(result.outputs(), "electricityMWh")).isEqualByComparingTo("12500");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) result.outputs().get("factorRows");
    assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsEntry("row", "grid"));
  }

  @Test
  void marketBasedTakesInstrumentsFirstThenTheResidualMix() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("electricity", new BigDecimal("12500"));
    inputs.put("unit", "MWh");
    inputs.put(
        "instruments",
        List.of(
            Map.of(
                "id", "GO-1",
                "type", "energy_attribute_certificate",
                "electricity", "10000",
                "unit", "MWh",
                "emissionFactor", Map.of("value", "0", "unit", "t/MWh", "source", "GO")),
            Map.of(
                "id", "PPA-1",
                "type", "power_purchase_agreement",
                "electricity", "1000000",
                "unit", "kWh",
                "emissionFactor", Map.of("subject", "wind-ppa"))));
    inputs.put("residualMixRegion", "SE3");
    inputs.put("factorTableCsv", FACTORS);
    ToolResult result =
        new MarketBasedTool(calculations)
            .execute(inputs, Contexts.context(MarketBasedTool.NAME, settings));
    // 10000 MWh × 0 + 1000 MWh × 0.010 t = 10 t; 1500 MWh × 0.350 t = 525 t.
    assertThat(decimal(result.outputs(), "instrumentsCO2eTonnes")).isEqualByComparingTo("10");
    assertThat(decimal(result.outputs(), "residualCO2eTonnes")).isEqualByComparingTo("525");
    assertThat(decimal(result.outputs(), "co2eTonnes")).isEqualByComparingTo("535");
    assertThat(result.outputs()).containsEntry("instrumentCount", 2);
  }

  @Test
  void badInputsAreNamed() {
    assertThatThrownBy(
            () ->
                new LocationBasedTool(calculations)
                    .execute(
                        Map.of(
                            "electricity",
                            "1",
                            "unit",
                            "MWh",
                            "gridRegion",
                            "SE4",
                            "factorTableCsv",
                            FACTORS),
                        Contexts.context(LocationBasedTool.NAME, settings)))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidInput"))
        .hasMessageStartingWith("input 'gridRegion' ");
    assertThatThrownBy(
            () ->
                new LocationBasedTool(calculations)
                    .execute(
                        Map.of(
                            "electricity",
                            "1",
                            "unit",
                            "t",
                            "gridRegion",
                            "SE3",
                            "factorTableCsv",
                            FACTORS),
                        Contexts.context(LocationBasedTool.NAME, settings)))
        .hasMessageStartingWith("input 'unit' ");
    assertThatThrownBy(
            () ->
                new MarketBasedTool(calculations)
                    .execute(
                        Map.of("electricity", "100", "unit", "MWh", "factorTableCsv", FACTORS),
                        Contexts.context(MarketBasedTool.NAME, settings)))
        .hasMessageStartingWith("input 'residualMixRegion' required");
    assertThatThrownBy(
            () ->
                new LocationBasedTool(calculations)
                    .execute(
                        Map.of("electricity", "1", "unit", "MWh", "gridRegion", "SE3"),
                        Contexts.context(LocationBasedTool.NAME, Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidToolConfig"));
  }

  private static BigDecimal decimal(Map<String, Object> outputs, String key) {
    return new BigDecimal(outputs.get(key).toString());
  }
}
