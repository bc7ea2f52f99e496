package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** templates/deployment.yaml: the Agent re-check interval (value agents.recheckInterval). */
class AgentSettingsTest {
  private static final String RECHECK = "GREENLANG_AGENT_RECHECK_INTERVAL";

  private static Map<String, String> env(RenderedChart chart) {
    return chart.operatorEnv(RECHECK::equals);
  }

  @Test
  void passesTheDefault() {
    assertThat(env(OperatorChart.render())).containsExactlyEntriesOf(Map.of(RECHECK, "30m"));
  }

  @Test
  void takesTheValueFromAValuesFile() {
    assertThat(env(OperatorChart.render(OperatorChart.testResource("values/non-default.yaml"))))
        .containsExactlyEntriesOf(Map.of(RECHECK, "45m"));
  }

  @Test
  void refusesWhatIsNoDuration() {
    assertThatThrownBy(() -> OperatorChart.render(Map.of("agents.recheckInterval", "hourly")))
        .hasMessageContaining("recheckInterval");
  }
}
