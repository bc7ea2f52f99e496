package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** templates/poddisruptionbudget.yaml: operator replicas survive voluntary disruptions. */
class PodDisruptionBudgetTemplateTest {

  private static PodDisruptionBudget budget(RenderedChart chart) {
    return chart.get(PodDisruptionBudget.class, OperatorChart.RELEASE);
  }

  @Test
  void isNotRenderedForASingleReplica() {
    assertThat(OperatorChart.render().all(PodDisruptionBudget.class)).isEmpty();
  }

  @Test
  void keepsOneOperatorPodUpWhenThereAreSeveralReplicas() {
    RenderedChart chart = OperatorChart.render(Map.of("replicaCount", 2));
    PodDisruptionBudget budget = budget(chart);

    assertThat(budget.getMetadata().getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
    assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(budget.getSpec().getMaxUnavailable()).isNull();
    assertThat(chart.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void letsUnhealthyPodsBeEvictedSoTheyNeverBlockADrain() {
    assertThat(
            budget(OperatorChart.render(Map.of("replicaCount", 3)))
                .getSpec()
                .getUnhealthyPodEvictionPolicy())
        .isEqualTo("AlwaysAllow");
  }

  @Test
  void isRenderedOnRequestWithAPercentage() {
    PodDisruptionBudget budget =
        budget(OperatorChart.render(OperatorChart.testResource("values/non-default.yaml")));

    assertThat(budget.getSpec().getMinAvailable().getStrVal()).isEqualTo("50%");

    assertThat(
            budget(OperatorChart.render(Map.of("podDisruptionBudget.enabled", true)))
                .getSpec()
                .getMinAvailable()
                .getIntVal())
        .isEqualTo(1);
  }
}
