package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.greenlang.crds.agent.AgentAutoscaling;
import java.util.Optional;

/**
 * The Agent's HorizontalPodAutoscaler {@code <agent>} (autoscaling/v2), only when {@code
 * spec.autoscaling} is set: CPU utilisation target, bounds raised to the SLA tier's floor.
 */
public final class AgentHorizontalPodAutoscalerDependent {
  private AgentHorizontalPodAutoscalerDependent() {}

  public static Optional<HorizontalPodAutoscaler> desired(AgentWorkload workload) {
    AgentAutoscaling autoscaling = workload.agent().getSpec().getAutoscaling();
    if (autoscaling == null) {
      return Optional.empty();
    }
    int min =
        Math.max(
            AgentDeploymentDependent.sla(workload).minReplicas(), autoscaling.getMinReplicas());
    int max = Math.max(min, autoscaling.getMaxReplicas());
    return Optional.of(
        new HorizontalPodAutoscalerBuilder()
            .withMetadata(workload.metadata(workload.name()))
            .withNewSpec()
            .withNewScaleTargetRef()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withName(workload.name())
            .endScaleTargetRef()
            .withMinReplicas(min)
            .withMaxReplicas(max)
            .addNewMetric()
            .withType("Resource")
            .withNewResource()
            .withName("cpu")
            .withNewTarget()
            .withType("Utilization")
            .withAverageUtilization(autoscaling.getTargetCpuUtilizationPercent())
            .endTarget()
            .endResource()
            .endMetric()
            .endSpec()
            .build());
  }
}
