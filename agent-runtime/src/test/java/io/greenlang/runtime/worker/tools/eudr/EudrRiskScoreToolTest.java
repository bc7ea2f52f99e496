package io.greenlang.runtime.worker.tools.eudr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.Contexts;
import io.greenlang.runtime.worker.tools.calculation.MemoryStepCalculations;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in weights (GreenLang methodology): 0.15×40 + 0.12×20 + 0.10×30 + 0.08×35 + 0.15×25 +
 * 0.10×10 + 0.10×15 + 0.10×20 + 0.05×30 + 0.05×50 = 26.45, level low.
 */
class EudrRiskScoreToolTest {

  static final String SCORES =
      "{\"country\": 40, \"supplier\": 20, \"commodity\": 30, \"corruption\": 35,"
          + " \"deforestation\": 25, \"indigenousRights\": 10, \"protectedAreas\": 15,"
          + " \"legality\": 20, \"audit\": 30, \"mitigation\": 50}";

  private final EudrRiskScoreTool tool = new EudrRiskScoreTool(new MemoryStepCalculations());

  @Test
  void theScoreIsTheWeightedSumAndItsLevelGatesLaterSteps() {
    ToolResult result =
        tool.execute(
            Map.of("commodity", "wood", "scores", SCORES, "supplier", "2048"),
            Contexts.context(EudrRiskScoreTool.NAME, Map.of()));
    assertThat(new BigDecimal(result.outputs().get("score").toString()))
        .isEqualByComparingTo("26.45");
    assertThat(result.outputs()).containsEntry("level", "low").containsEntry("supplier", "2048");
    assertThat(result.outputs().get("assessment"))
        .isEqualTo(
            Map.of(
                "supplier",
                "2048",
                "commodity",
                "wood",
                "score",
                new BigDecimal("26.45"),
                "level",
                "low"));
    assertThat(result.outputs().get("tables").toString())
        .contains("id=greenlang-eudr-risk-weights, version=1");
  }

  @Test
  void aScoreOutOfRangeIsNamed() {
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of(
                        "commodity",
                        "wood",
                        "scores",
                        SCORES.replace("\"audit\": 30", "\"audit\": 130")),
                    Contexts.context(EudrRiskScoreTool.NAME, Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidInput"))
        .hasMessage("input 'scores.audit' must be between 0 and 100, got 130");
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of("commodity", "tea", "scores", SCORES),
                    Contexts.context(EudrRiskScoreTool.NAME, Map.of())))
        .hasMessageStartingWith("input 'commodity' \"tea\" is not one of");
  }
}
