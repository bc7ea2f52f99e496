package io.greenlang.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * PromQlMetricNames finds the metrics an expression reads and nothing else, so
 * MonitoringMetricNamesIT neither misses a misspelt metric nor flags a label or function.
 */
class PromQlMetricNamesTest {

  @Test
  void findsMetricsInsideFunctionsAggregationsAndArithmetic() {
    assertThat(
            PromQlMetricNames.of(
                "sum by (controller_name) (rate(reconciliations_failure_total{job=\"x\"}[5m]))"
                    + " / clamp_min(sum(rate(reconciliations_started_total[$__rate_interval])), 1e-9)"))
        .containsExactly("reconciliations_failure_total", "reconciliations_started_total");
  }

  @Test
  void ignoresLabelsInMatchersGroupingAndStringsAndGrafanaVariables() {
    assertThat(
            PromQlMetricNames.of(
                "histogram_quantile(0.95, sum by (provider, le) (rate("
                    + "greenlang_llm_request_duration_seconds_bucket{tenant=~\"$tenant\","
                    + "provider=~\"$provider\"}[${__rate_interval}])))"))
        .containsExactly("greenlang_llm_request_duration_seconds_bucket");
  }

  @Test
  void readsComparisonsAndSetOperatorsOfAlerts() {
    assertThat(
            PromQlMetricNames.of(
                "max by (tenant, scope) (greenlang_llm_budget_used_ratio) >= 0.8 < 1"
                    + " or on(tenant) vector(0) unless absent(up == 1)"))
        .containsExactly("greenlang_llm_budget_used_ratio", "up");
  }

  @Test
  void takesOnlyTheMetricOfAGrafanaLabelValuesQuery() {
    assertThat(
            PromQlMetricNames.of(
                "label_values(greenlang_llm_requests_total{tenant=~\"$tenant\"}, provider)"))
        .containsExactly("greenlang_llm_requests_total");
  }

  @Test
  void findsAMisspeltMetric() {
    assertThat(PromQlMetricNames.of("sum(rate(greenlang_pipelinerun_run_total[5m]))"))
        .containsExactly("greenlang_pipelinerun_run_total");
  }
}
