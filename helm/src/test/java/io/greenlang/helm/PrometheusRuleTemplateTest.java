package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** templates/prometheusrule.yaml: the operator's alerts, in groups that switch off one by one. */
class PrometheusRuleTemplateTest {

  /**
   * Series of the operator that its own alerts select by job and namespace: Prometheus's own {@code
   * up}, java-operator-sdk's Micrometer reconciliation metrics and the Quarkus JVM and process
   * binders. That every metric a rule names is exported is checked against the running applications
   * by MonitoringMetricNamesIT (module e2e).
   */
  private static final Set<String> OPERATOR_METRICS =
      Set.of(
          "up",
          "reconciliations_started_total",
          "reconciliations_failure_total",
          "reconciliations_execution_duration_seconds_bucket",
          "jvm_gc_live_data_size_bytes",
          "jvm_gc_max_data_size_bytes",
          "process_start_time_seconds");

  private static final List<String> ALL_GROUPS =
      List.of("availability", "reconciliation", "jvm", "budget", "audit", "deadLetters");

  /** A metric name directly followed by its label matchers, as every expression writes them. */
  private static final Pattern SELECTED_METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

  private static final String OPERATOR_SERIES =
      "job=\"greenlang-operator\",namespace=\"greenlang-system\"";

  private static List<Map<String, Object>> groups(RenderedChart chart) {
    List<GenericKubernetesResource> rules =
        chart.all(GenericKubernetesResource.class).stream()
            .filter(r -> r.getKind().equals("PrometheusRule"))
            .toList();
    assertThat(rules).hasSize(1);
    assertThat(rules.get(0).getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    return rules.get(0).get("spec", "groups");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> alerts(RenderedChart chart) {
    return groups(chart).stream()
        .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
        .toList();
  }

  private static Map<String, Object> alert(RenderedChart chart, String name) {
    return alerts(chart).stream()
        .filter(rule -> name.equals(rule.get("alert")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No alert " + name));
  }

  private static String expression(Map<String, Object> alert) {
    return ((String) alert.get("expr")).replaceAll("\\s+", " ").trim();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> labels(Map<String, Object> alert) {
    return (Map<String, String>) alert.get("labels");
  }

  private static RenderedChart enabled(Map<String, Object> more) {
    var sets = new java.util.HashMap<String, Object>(more);
    sets.put("metrics.prometheusRule.enabled", true);
    return OperatorChart.render(sets);
  }

  @Test
  void isNotRenderedByDefault() {
    assertThat(OperatorChart.render().all(GenericKubernetesResource.class))
        .noneMatch(r -> r.getKind().equals("PrometheusRule"));
  }

  @Test
  void alertsWhenNoOperatorReplicaIsUpForFiveMinutes() {
    Map<String, Object> down = alert(enabled(Map.of()), "GreenLangOperatorDown");

    assertThat(expression(down)).isEqualTo("absent(up{" + OPERATOR_SERIES + "} == 1)");
    assertThat(down).containsEntry("for", "5m");
    assertThat(labels(down)).containsEntry("severity", "critical");
    assertThat((Map<String, String>) down.get("annotations"))
        .hasEntrySatisfying(
            "description", text -> assertThat(text).contains("rejects creating or changing"));
  }

  @Test
  void alertsOnTheShareOfFailedReconciliationsPerController() {
    Map<String, Object> errors = alert(enabled(Map.of()), "GreenLangReconcileErrorRateHigh");

    assertThat(expression(errors))
        .isEqualTo(
            "( sum by (controller_name) (rate(reconciliations_failure_total{"
                + OPERATOR_SERIES
                + "}[5m])) / sum by (controller_name) (rate(reconciliations_started_total{"
                + OPERATOR_SERIES
                + "}[5m])) ) > 0.1");
    assertThat(errors).containsEntry("for", "15m");
    assertThat(labels(errors)).containsEntry("severity", "warning");
  }

  @Test
  void alertsOnSlowReconciliationsHeapPressureAndRestarts() {
    RenderedChart chart = enabled(Map.of());

    assertThat(expression(alert(chart, "GreenLangReconcileSlow")))
        .startsWith("histogram_quantile(0.95,")
        .endsWith("> 10");
    assertThat(expression(alert(chart, "GreenLangOperatorHeapNearlyFull"))).endsWith("> 0.9");
    assertThat(expression(alert(chart, "GreenLangOperatorRestarting")))
        .isEqualTo("changes(process_start_time_seconds{" + OPERATOR_SERIES + "}[30m]) > 3");
  }

  @Test
  void operatorAlertsSelectTheOperatorsSeriesByJobAndNamespace() {
    RenderedChart chart =
        enabled(
            Map.of(
                "metrics.prometheusRule.groups.budget.enabled", false,
                "metrics.prometheusRule.groups.audit.enabled", false,
                "metrics.prometheusRule.groups.deadLetters.enabled", false));
    Set<String> named =
        alerts(chart).stream()
            .map(PrometheusRuleTemplateTest::expression)
            .flatMap(
                expr -> {
                  Matcher matcher = SELECTED_METRIC.matcher(expr);
                  return matcher.results().map(result -> result.group(1));
                })
            .collect(Collectors.toSet());

    assertThat(named).isNotEmpty().isSubsetOf(OPERATOR_METRICS);
    assertThat(alerts(chart))
        .allSatisfy(rule -> assertThat((String) rule.get("expr")).contains(OPERATOR_SERIES));
  }

  @Test
  void eachGroupSwitchesOffOnItsOwn() {
    for (String group : ALL_GROUPS) {
      List<String> names =
          groups(enabled(Map.of("metrics.prometheusRule.groups." + group + ".enabled", false)))
              .stream()
              .map(g -> (String) g.get("name"))
              .toList();

      assertThat(names)
          .as("with %s off", group)
          .hasSize(ALL_GROUPS.size() - 1)
          .doesNotContain(groupName(group));
    }
  }

  private static String groupName(String valuesKey) {
    return "greenlang-operator." + (valuesKey.equals("deadLetters") ? "dead-letters" : valuesKey);
  }

  @Test
  void keepsPrometheusTemplatesInAnnotationsForPrometheusToExpand() {
    Map<String, Object> errors = alert(enabled(Map.of()), "GreenLangReconcileErrorRateHigh");

    assertThat((Map<String, String>) errors.get("annotations"))
        .hasEntrySatisfying(
            "summary", summary -> assertThat(summary).contains("{{ $labels.controller_name }}"));
  }

  @Test
  void takesThresholdsDurationsAndLabelsFromValues() {
    RenderedChart chart =
        OperatorChart.render(OperatorChart.testResource("values/non-default.yaml"));
    GenericKubernetesResource rule =
        chart.all(GenericKubernetesResource.class).stream()
            .filter(r -> r.getKind().equals("PrometheusRule"))
            .findFirst()
            .orElseThrow();

    assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    assertThat(alert(chart, "GreenLangOperatorDown")).containsEntry("for", "2m");
    Map<String, Object> errors = alert(chart, "GreenLangReconcileErrorRateHigh");
    assertThat(expression(errors)).endsWith("> 0.05");
    assertThat(errors).containsEntry("for", "30m");
    assertThat(expression(alert(chart, "GreenLangReconcileSlow"))).endsWith("> 30");
    assertThat(expression(alert(chart, "GreenLangOperatorHeapNearlyFull"))).endsWith("> 0.8");
    assertThat(expression(alert(chart, "GreenLangOperatorRestarting"))).endsWith("> 5");
    assertThat(alerts(chart))
        .allSatisfy(a -> assertThat(labels(a)).containsEntry("team", "platform"));
  }
}
