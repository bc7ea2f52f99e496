package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** templates/servicemonitor.yaml: Prometheus Operator scrapes the operator's metrics Service. */
class ServiceMonitorTemplateTest {

  static GenericKubernetesResource serviceMonitor(RenderedChart chart) {
    List<GenericKubernetesResource> monitors =
        chart.all(GenericKubernetesResource.class).stream()
            .filter(r -> r.getKind().equals("ServiceMonitor"))
            .toList();
    assertThat(monitors).hasSize(1);
    return monitors.get(0);
  }

  @Test
  void isNotRenderedByDefault() {
    assertThat(OperatorChart.render().all(GenericKubernetesResource.class))
        .noneMatch(r -> r.getKind().equals("ServiceMonitor"));
  }

  @Test
  void scrapesQuarkusMetricsFromTheMetricsServiceOnly() {
    RenderedChart chart = OperatorChart.render(Map.of("metrics.serviceMonitor.enabled", true));
    GenericKubernetesResource monitor = serviceMonitor(chart);

    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
    Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
    assertThat(chart.service().getMetadata().getLabels()).containsAllEntriesOf(selector);
    assertThat(chart.get(Service.class, "greenlang-operator-webhook").getMetadata().getLabels())
        .as("the webhook Service selects the same pods but is not scraped")
        .doesNotContainEntry(
            "app.kubernetes.io/component", selector.get("app.kubernetes.io/component"));
    assertThat((List<String>) monitor.get("spec", "namespaceSelector", "matchNames"))
        .containsExactly(OperatorChart.NAMESPACE);
    List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
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
  void carriesTheLabelsPrometheusSelectsByAndTheScrapeTiming() {
    GenericKubernetesResource monitor =
        serviceMonitor(OperatorChart.render(OperatorChart.testResource("values/non-default.yaml")));

    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
    assertThat(endpoints.get(0))
        .containsEntry("interval", "15s")
        .containsEntry("scrapeTimeout", "5s");
  }
}
