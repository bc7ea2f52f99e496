package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * templates/deployment.yaml: the PipelineRun orchestration settings (values pipelineRuns.*) passed
 * to the operator as GREENLANG_PIPELINERUN_* variables.
 */
class PipelineRunSettingsTest {
  private static final String PREFIX = "GREENLANG_PIPELINERUN_";

  private static Map<String, String> env(RenderedChart chart) {
    return chart.operatorEnv(name -> name.startsWith(PREFIX));
  }

  @Test
  void passesTheDefaults() {
    assertThat(env(OperatorChart.render()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                PREFIX + "RETRY_BASE_DELAY", "5s",
                PREFIX + "RETRY_MAX_DELAY", "5m",
                PREFIX + "COMPENSATION_TIMEOUT", "10m",
                PREFIX + "RESULT_RETENTION", "1h"));
  }

  @Test
  void takesEveryValueFromAValuesFile() {
    assertThat(env(OperatorChart.render(OperatorChart.testResource("values/non-default.yaml"))))
        .containsEntry(PREFIX + "RETRY_BASE_DELAY", "500ms")
        .containsEntry(PREFIX + "RETRY_MAX_DELAY", "2m")
        .containsEntry(PREFIX + "COMPENSATION_TIMEOUT", "30m")
        .containsEntry(PREFIX + "RESULT_RETENTION", "24h");
  }

  @Test
  void takesValuesAndRefusesWhatIsNoDuration() {
    assertThat(env(OperatorChart.render(Map.of("pipelineRuns.retryBaseDelay", "500ms"))))
        .containsEntry(PREFIX + "RETRY_BASE_DELAY", "500ms");
    assertThatThrownBy(
            () -> OperatorChart.render(Map.of("pipelineRuns.resultRetention", "one hour")))
        .hasMessageContaining("resultRetention");
  }
}
