package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * templates/agent-podmonitor.yaml: Prometheus Operator scrapes the agent-runtime pods the operator
 * creates, in every namespace, selected by the labels of contract C1 (docs/agents.md).
 */
class AgentPodMonitorTemplateTest {

  private static GenericKubernetesResource podMonitor(RenderedChart chart) {
    List<GenericKubernetesResource> monitors =
        chart.all(GenericKubernetesResource.class).stream()
            .filter(r -> r.getKind().equals("PodMonitor"))
            .toList();
    assertThat(monitors).hasSize(1);
    return monitors.get(0);
  }

  @Test
  void isNotRenderedByDefault() {
    assertThat(OperatorChart.render().all(GenericKubernetesResource.class))
        .noneMatch(r -> r.getKind().equals("PodMonitor"));
  }

  @Test
  void scrapesEveryAgentPodInEveryNamespaceWithItsTenantAndAgent() {
    GenericKubernetesResource monitor =
        podMonitor(OperatorChart.render(Map.of("metrics.agentPodMonitor.enabled", true)));

    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
    assertThat((Boolean) monitor.get("spec", "namespaceSelector", "any")).isTrue();
    Map<String, String> labels = monitor.get("spec", "selector", "matchLabels");
    assertThat(labels)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "app.kubernetes.io/name", "greenlang-agent",
                "app.kubernetes.io/managed-by", "greenlang-operator"));
    assertThat((List<String>) monitor.get("spec", "podTargetLabels"))
        .containsExactly("greenlang.io/tenant", "greenlang.io/agent");
    List<Map<String, Object>> endpoints = monitor.get("spec", "podMetricsEndpoints");
    assertThat(endpoints)
        .singleElement()
        .satisfies(
            endpoint ->
                assertThat(endpoint)
                    .containsEntry("port", "http")
                    .containsEntry("path", "/q/metrics")
                    .containsEntry("interval", "30s")
                    .containsEntry("scrapeTimeout", "10s"));
  }

  @Test
  void carriesTheLabelsPrometheusSelectsBy() {
    GenericKubernetesResource monitor =
        podMonitor(
            OperatorChart.render(
                Map.of(
                    "metrics.agentPodMonitor.enabled",
                    true,
                    "metrics.agentPodMonitor.labels.release",
                    "kube-prometheus-stack")));
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
  }
}
