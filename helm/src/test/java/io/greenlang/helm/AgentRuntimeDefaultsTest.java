package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * templates/deployment.yaml: the agent-runtime image and resources for the Agents the operator
 * creates, passed as the operator's greenlang.agent-runtime.* settings (GREENLANG_AGENT_RUNTIME_*).
 */
class AgentRuntimeDefaultsTest {

  private static final String PREFIX = "GREENLANG_AGENT_RUNTIME_";

  private static Map<String, String> agentRuntimeEnv(RenderedChart chart) {
    return chart.operatorEnv(name -> name.startsWith(PREFIX));
  }

  @Test
  void passesTheImageWithTheChartsAppVersionAndThePullPolicy() {
    assertThat(agentRuntimeEnv(OperatorChart.render()))
        .containsEntry(PREFIX + "IMAGE", "ghcr.io/greenlang/greenlang-agent-runtime:0.1.0")
        .containsEntry(PREFIX + "IMAGE_PULL_POLICY", "IfNotPresent");
  }

  @Test
  void passesDefaultRequestsAndLimits() {
    assertThat(agentRuntimeEnv(OperatorChart.render()))
        .containsEntry(PREFIX + "RESOURCES_REQUESTS_CPU", "250m")
        .containsEntry(PREFIX + "RESOURCES_REQUESTS_MEMORY", "512Mi")
        .containsEntry(PREFIX + "RESOURCES_LIMITS_CPU", "1")
        .containsEntry(PREFIX + "RESOURCES_LIMITS_MEMORY", "1Gi");
  }

  @Test
  void leavesResourcesThatAreNotSetToTheOperator() {
    Map<String, String> env =
        agentRuntimeEnv(
            OperatorChart.render(
                Map.of(
                    "agentRuntime.resources.limits", "null",
                    "agentRuntime.resources.requests.cpu", "null")));

    assertThat(env.keySet())
        .containsExactlyInAnyOrder(
            PREFIX + "IMAGE",
            PREFIX + "IMAGE_PULL_POLICY",
            PREFIX + "PREMIUM_PRIORITY_CLASS",
            PREFIX + "RESOURCES_REQUESTS_MEMORY");
  }

  @Test
  void takesImageAndResourcesFromValues() {
    assertThat(
            agentRuntimeEnv(
                OperatorChart.render(OperatorChart.testResource("values/non-default.yaml"))))
        .containsEntry(
            PREFIX + "IMAGE", "registry.example.com/platform/greenlang-agent-runtime:0.2.0-rc.1")
        .containsEntry(PREFIX + "IMAGE_PULL_POLICY", "Always")
        .containsEntry(PREFIX + "PREMIUM_PRIORITY_CLASS", "platform-critical")
        .containsEntry(PREFIX + "RESOURCES_REQUESTS_CPU", "500m")
        .containsEntry(PREFIX + "RESOURCES_LIMITS_CPU", "2")
        .containsEntry(PREFIX + "RESOURCES_LIMITS_MEMORY", "4Gi");
  }
}
