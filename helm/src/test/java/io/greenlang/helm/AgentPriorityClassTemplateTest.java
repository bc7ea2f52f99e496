package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * templates/agent-priorityclass.yaml: the PriorityClass of premium and mission_critical agents, and
 * its name passed to the operator.
 */
class AgentPriorityClassTemplateTest {

  private static String priorityClassEnv(RenderedChart chart) {
    return chart
        .operatorEnv("GREENLANG_AGENT_RUNTIME_PREMIUM_PRIORITY_CLASS"::equals)
        .get("GREENLANG_AGENT_RUNTIME_PREMIUM_PRIORITY_CLASS");
  }

  @Test
  void isCreatedAboveDefaultWorkloadsAndNamedToTheOperator() {
    RenderedChart chart = OperatorChart.render();
    PriorityClass priority = chart.get(PriorityClass.class, "greenlang-agent-premium");

    assertThat(priority.getValue()).isEqualTo(1_000_000);
    assertThat(priority.getGlobalDefault()).isFalse();
    assertThat(priorityClassEnv(chart)).isEqualTo("greenlang-agent-premium");
  }

  @Test
  void anExistingPriorityClassMayBeNamedInstead() {
    RenderedChart chart =
        OperatorChart.render(
            Map.of(
                "agentRuntime.priorityClass.create",
                false,
                "agentRuntime.priorityClass.name",
                "platform-critical"));

    assertThat(chart.all(PriorityClass.class)).isEmpty();
    assertThat(priorityClassEnv(chart)).isEqualTo("platform-critical");
  }
}
