package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.greenlang.crds.agent.AgentAutoscaling;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.operator.tenant.desired.PhysicalPlacement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Agent's Deployment {@code <agent>}: replicas by spec, autoscaling and SLA floor (0 while
 * paused), a Pod Security {@code restricted} pod with the config-hash annotation, spread and
 * priority by SLA tier, and the tenant's dedicated nodes for isolation physical.
 */
public final class AgentDeploymentDependent {
  private AgentDeploymentDependent() {}

  /**
   * @param configHash {@link AgentConfigHash} of the ConfigMap and Secrets the pod uses
   * @param currentReplicas replicas of the Deployment now (null when there is none), kept while an
   *     autoscaler owns the number within its bounds
   */
  public static Deployment desired(
      AgentWorkload workload, String configHash, Integer currentReplicas) {
    return new DeploymentBuilder()
        .withMetadata(workload.metadata(workload.name()))
        .withNewSpec()
        .withReplicas(replicas(workload, currentReplicas))
        .withSelector(new LabelSelectorBuilder().withMatchLabels(workload.selector()).build())
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(workload.labels())
        .withAnnotations(Map.of(AgentConfigHash.ANNOTATION, configHash))
        .endMetadata()
        .withSpec(podSpec(workload))
        .endTemplate()
        .endSpec()
        .build();
  }

  /**
   * 0 while paused; with autoscaling the current count within the autoscaler's bounds (its minimum
   * at first); else spec.replicas; never below the SLA tier's floor.
   */
  public static int replicas(AgentWorkload workload, Integer currentReplicas) {
    AgentSpec spec = workload.agent().getSpec();
    if (Boolean.TRUE.equals(spec.getPaused())) {
      return 0;
    }
    int floor = sla(workload).minReplicas();
    AgentAutoscaling autoscaling = spec.getAutoscaling();
    if (autoscaling != null) {
      int min = Math.max(floor, autoscaling.getMinReplicas());
      int max = Math.max(min, autoscaling.getMaxReplicas());
      int current = currentReplicas == null || currentReplicas == 0 ? min : currentReplicas;
      return Math.min(max, Math.max(min, current));
    }
    return Math.max(floor, spec.getReplicas() == null ? 1 : spec.getReplicas());
  }

  static SlaAvailability sla(AgentWorkload workload) {
    return SlaAvailability.of(workload.tenant().getSpec().getSla());
  }

  static PodSpec podSpec(AgentWorkload workload) {
    SlaAvailability sla = sla(workload);
    PodSpecBuilder pod =
        new PodSpecBuilder()
            .withServiceAccountName(workload.name())
            .withAutomountServiceAccountToken(false)
            .withEnableServiceLinks(false)
            .withNewSecurityContext()
            .withRunAsNonRoot(true)
            .withNewSeccompProfile()
            .withType("RuntimeDefault")
            .endSeccompProfile()
            .endSecurityContext()
            .withContainers(AgentContainer.desired(workload))
            .withVolumes(volumes(workload))
            .withTerminationGracePeriodSeconds(30L);
    if (sla.spread()) {
      pod.withTopologySpreadConstraints(spread(workload, sla));
    }
    if (sla.priority()) {
      pod.withPriorityClassName(workload.defaults().premiumPriorityClass());
    }
    if (PhysicalPlacement.applies(workload.tenant())) {
      pod.withAffinity(PhysicalPlacement.affinity(workload.tenantName()))
          .withTolerations(PhysicalPlacement.tolerations(workload.tenantName()));
      PhysicalPlacement.runtimeClassName(workload.tenant()).ifPresent(pod::withRuntimeClassName);
    }
    return pod.build();
  }

  /**
   * Across zones (premium) or nodes (enhanced), strictly; across nodes within zones best effort.
   */
  private static List<TopologySpreadConstraint> spread(
      AgentWorkload workload, SlaAvailability sla) {
    List<TopologySpreadConstraint> constraints = new ArrayList<>();
    constraints.add(constraint(workload, sla.spreadKey(), "DoNotSchedule"));
    if (SlaAvailability.ZONE_KEY.equals(sla.spreadKey())) {
      constraints.add(constraint(workload, SlaAvailability.NODE_KEY, "ScheduleAnyway"));
    }
    return constraints;
  }

  private static TopologySpreadConstraint constraint(
      AgentWorkload workload, String key, String whenUnsatisfiable) {
    return new TopologySpreadConstraintBuilder()
        .withMaxSkew(1)
        .withTopologyKey(key)
        .withWhenUnsatisfiable(whenUnsatisfiable)
        .withNewLabelSelector()
        .withMatchLabels(workload.selector())
        .endLabelSelector()
        .build();
  }

  private static List<Volume> volumes(AgentWorkload workload) {
    List<Volume> volumes = new ArrayList<>();
    volumes.add(
        new VolumeBuilder()
            .withName(AgentContainer.CONFIG_VOLUME)
            .withNewConfigMap()
            .withName(workload.name())
            .endConfigMap()
            .build());
    List<String> secrets = workload.llmSecrets();
    for (int i = 0; i < secrets.size(); i++) {
      volumes.add(
          new VolumeBuilder()
              .withName(AgentContainer.secretVolume(i))
              .withNewSecret()
              .withSecretName(secrets.get(i))
              .endSecret()
              .build());
    }
    volumes.add(
        new VolumeBuilder()
            .withName(AgentContainer.TMP_VOLUME)
            .withNewEmptyDir()
            .endEmptyDir()
            .build());
    return volumes;
  }
}
