package io.greenlang.helm;

import static io.greenlang.helm.PrometheusRules.alert;
import static io.greenlang.helm.PrometheusRules.alerts;
import static io.greenlang.helm.PrometheusRules.annotations;
import static io.greenlang.helm.PrometheusRules.enabled;
import static io.greenlang.helm.PrometheusRules.expression;
import static io.greenlang.helm.PrometheusRules.labels;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * templates/prometheusrule.yaml, the alerts on the agent runtime's series: LLM budgets at 80 % and
 * 100 %, broken audit chains and dead-lettered step tasks.
 */
class RuntimeAlertsTemplateTest {

  @Test
  void warnsFromEightyPercentOfABudgetUntilItIsSpent() {
    Map<String, Object> warning = alert(enabled(Map.of()), "GreenLangBudgetWarning");

    assertThat(expression(warning))
        .isEqualTo("max by (tenant, scope) (greenlang_llm_budget_used_ratio) >= 0.8 < 1");
    assertThat(warning).containsEntry("for", "5m");
    assertThat(labels(warning)).containsEntry("severity", "warning");
    assertThat(annotations(warning).get("summary")).contains("{{ $labels.tenant }}");
  }

  @Test
  void pagesWhenABudgetIsSpent() {
    Map<String, Object> exhausted = alert(enabled(Map.of()), "GreenLangBudgetExhausted");

    assertThat(expression(exhausted))
        .isEqualTo("max by (tenant, scope) (greenlang_llm_budget_used_ratio) >= 1");
    assertThat(labels(exhausted)).containsEntry("severity", "critical");
    assertThat(annotations(exhausted).get("description")).contains("allowOverage");
  }

  @Test
  void takesThresholdsAndWindowsFromValues() {
    RenderedChart chart =
        OperatorChart.render(OperatorChart.testResource("values/non-default.yaml"));

    assertThat(expression(alert(chart, "GreenLangBudgetWarning"))).endsWith(">= 0.75 < 1.1");
    assertThat(expression(alert(chart, "GreenLangBudgetExhausted"))).endsWith(">= 1.1");
    assertThat(alert(chart, "GreenLangBudgetExhausted")).containsEntry("for", "10m");
    assertThat(expression(alert(chart, "GreenLangAuditChainBroken"))).contains("[6h]");
    assertThat(expression(alert(chart, "GreenLangTasksDeadLettered"))).contains("[30m]");
  }

  @Test
  void pagesOnAnyBrokenAuditChainVerification() {
    Map<String, Object> broken = alert(enabled(Map.of()), "GreenLangAuditChainBroken");

    assertThat(expression(broken))
        .isEqualTo("sum(increase(greenlang_audit_verifications_total{result=\"broken\"}[1h])) > 0");
    assertThat(labels(broken)).containsEntry("severity", "critical");
    assertThat(broken).doesNotContainKey("for");
  }

  @Test
  void warnsPerAgentOnDeadLetteredTasks() {
    Map<String, Object> dead = alert(enabled(Map.of()), "GreenLangTasksDeadLettered");

    assertThat(expression(dead))
        .isEqualTo(
            "sum by (tenant, agent) (increase(greenlang_worker_tasks_dead_lettered_total[1h])) > 0");
    assertThat(labels(dead)).containsEntry("severity", "warning");
    assertThat(annotations(dead).get("description")).contains(":dead");
  }

  @Test
  void runtimeAlertsCarryTheConfiguredAlertLabels() {
    RenderedChart chart = enabled(Map.of("metrics.prometheusRule.alertLabels.team", "platform"));

    assertThat(alerts(chart))
        .filteredOn(a -> !String.valueOf(a.get("expr")).contains("job="))
        .hasSize(4)
        .allSatisfy(a -> assertThat(labels(a)).containsEntry("team", "platform"));
  }
}
