package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rendered PrometheusRule's alerts, looked up by name, for the alert tests. */
final class PrometheusRules {
  private PrometheusRules() {}

  /** The chart with the PrometheusRule enabled and {@code more} set. */
  static RenderedChart enabled(Map<String, Object> more) {
    var sets = new HashMap<String, Object>(more);
    sets.put("metrics.prometheusRule.enabled", true);
    return OperatorChart.render(sets);
  }

  static List<Map<String, Object>> groups(RenderedChart chart) {
    List<GenericKubernetesResource> rules =
        chart.all(GenericKubernetesResource.class).stream()
            .filter(r -> r.getKind().equals("PrometheusRule"))
            .toList();
    assertThat(rules).hasSize(1);
    return rules.get(0).get("spec", "groups");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> alerts(RenderedChart chart) {
    return groups(chart).stream()
        .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
        .toList();
  }

  static Map<String, Object> alert(RenderedChart chart, String name) {
    return alerts(chart).stream()
        .filter(rule -> name.equals(rule.get("alert")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No alert " + name));
  }

  /** The alert's expression on one line. */
  static String expression(Map<String, Object> alert) {
    return ((String) alert.get("expr")).replaceAll("\\s+", " ").trim();
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> labels(Map<String, Object> alert) {
    return (Map<String, String>) alert.get("labels");
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> annotations(Map<String, Object> alert) {
    return (Map<String, String>) alert.get("annotations");
  }
}
