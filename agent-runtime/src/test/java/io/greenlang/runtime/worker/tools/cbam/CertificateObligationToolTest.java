package io.greenlang.runtime.worker.tools.cbam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.Contexts;
import io.greenlang.runtime.worker.tools.calculation.MemoryStepCalculations;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificateObligationToolTest {

  private final MemoryStepCalculations calculations = new MemoryStepCalculations();
  private final CertificateObligationTool tool = new CertificateObligationTool(calculations);
  private final Map<String, String> settings = Map.of("factorTable", CbamFixtures.TABLE);
  private Map<String, Object> emissions;

  @BeforeEach
  void embeddedEmissions() {
    ToolResult result =
        new EmbeddedEmissionsTool(calculations)
            .execute(
                Map.of("lines", CbamFixtures.lines(), "factorTableCsv", CbamFixtures.FACTORS),
                Contexts.context(
                    "uid-1",
                    "emissions",
                    EmbeddedEmissionsTool.NAME,
                    Map.of("factorTable", CbamFixtures.TABLE),
                    null));
    emissions = result.outputs();
  }

  private Map<String, Object> inputs() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("lines", CanonicalJson.tree(emissions.get("lineInputs")));
    inputs.put("linesRootHash", emissions.get("rootHash"));
    inputs.put("year", "2026");
    inputs.put("pricePeriod", "2026-Q1");
    return inputs;
  }

  private ToolResult obligation(Map<String, Object> inputs, String runUid) {
    return tool.execute(
        inputs,
        Contexts.context(runUid, "obligation", CertificateObligationTool.NAME, settings, null));
  }

  @Test
  void certificatesAreEmissionsLessTheAdjustmentAtTheYearsCbamFactor() {
    Map<String, Object> inputs = inputs();
    inputs.put("carbonPricePaidEur", "800");
    ToolResult result = obligation(inputs, "uid-1");

    // E = 320 t (total counts), A = 120 t × 97.5 % = 117 t, D = 800 EUR ÷ 80 EUR/t = 10 t;
    // certificates = 320 - 117 - 10 = 193, cost = 193 × 80 = 15440 EUR.
    Map<String, Object> outputs = result.outputs();
    assertThat(decimal(outputs, "cbamFactorPercent")).isEqualByComparingTo("97.5");
    assertThat(decimal(outputs, "freeAllocationAdjustmentTonnes")).isEqualByComparingTo("117");
    assertThat(decimal(outputs, "carbonPriceDeductionTonnes")).isEqualByComparingTo("10");
    assertThat(decimal(outputs, "certificates")).isEqualByComparingTo("193");
    assertThat(decimal(outputs, "costEur")).isEqualByComparingTo("15440");
    assertThat(outputs)
        .containsEntry("year", 2026L)
        .containsEntry("lineCount", 2)
        .containsEntry("linesChainHash", emissions.get("rootHash"));
    @SuppressWarnings("unchecked")
    Map<String, Object> presented = (Map<String, Object>) outputs.get("presented");
    assertThat(presented.get("costEur")).isEqualTo(new BigDecimal("15440.00"));
    assertThat(outputs.get("tables").toString())
        .contains("id=acme-cbam-test, version=1")
        .contains("for=cbamFactors, id=eu-cbam-factor, version=1");

    ToolResult again = obligation(inputs, "uid-1");
    assertThat(again.provenanceHash()).isEqualTo(result.provenanceHash());
    assertThat(CanonicalJson.sha256(again.outputs())).isEqualTo(CanonicalJson.sha256(outputs));
  }

  @Test
  void laterYearsGrantLessFreeAllocation() {
    Map<String, Object> inputs = inputs();
    inputs.put("year", 2030);
    inputs.remove("linesRootHash");
    // No 2030 price row: the period names the price, the year only the CBAM factor (51.5 %).
    Map<String, Object> outputs = obligation(inputs, "uid-1").outputs();
    assertThat(decimal(outputs, "freeAllocationAdjustmentTonnes")).isEqualByComparingTo("61.8");
    assertThat(decimal(outputs, "certificates")).isEqualByComparingTo("258.2");
  }

  @Test
  void badInputsFailNamingTheInput() {
    Map<String, Object> early = inputs();
    early.put("year", "2025");
    assertThatThrownBy(() -> obligation(early, "uid-1"))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidInput"))
        .hasMessage("input 'year' must be between 2026 and 2100, was 2025");

    Map<String, Object> noPrice = inputs();
    noPrice.put("pricePeriod", "2026-Q2");
    assertThatThrownBy(() -> obligation(noPrice, "uid-1"))
        .hasMessageStartingWith("input 'pricePeriod' ");

    Map<String, Object> otherLines = inputs();
    otherLines.put("linesRootHash", "0".repeat(64));
    assertThatThrownBy(() -> obligation(otherLines, "uid-1"))
        .isInstanceOfSatisfying(
            StepFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo("LinesMismatch");
              assertThat(f.outputs()).containsEntry("linesChainHash", emissions.get("rootHash"));
            });

    assertThatThrownBy(
            () ->
                tool.execute(inputs(), Contexts.context(CertificateObligationTool.NAME, Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidToolConfig"))
        .hasMessageStartingWith(
            "spec.tools[cbam.certificate_obligation].config.certificatePrices: is not set");
  }

  private static BigDecimal decimal(Map<String, Object> outputs, String key) {
    return new BigDecimal(outputs.get(key).toString());
  }
}
