package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Optional;

/**
 * The Agent's PodDisruptionBudget {@code <agent>} for SLA tiers enhanced and above: voluntary
 * disruptions (drains, upgrades) take at most one replica at a time.
 */
public final class AgentPodDisruptionBudgetDependent {
  private AgentPodDisruptionBudgetDependent() {}

  public static Optional<PodDisruptionBudget> desired(AgentWorkload workload) {
    if (!AgentDeploymentDependent.sla(workload).disruptionBudget()) {
      return Optional.empty();
    }
    return Optional.of(
        new PodDisruptionBudgetBuilder()
            .withMetadata(workload.metadata(workload.name()))
            .withNewSpec()
            .withMaxUnavailable(new IntOrString(1))
            .withNewSelector()
            .withMatchLabels(workload.selector())
            .endSelector()
            .endSpec()
            .build());
  }
}
