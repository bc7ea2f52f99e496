package io.greenlang.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a Deployment's status as the Deployment controller would, through the status subresource
 * and only when something changed: {@code observedGeneration}, replica counts, and the conditions
 * {@code Available}, {@code Progressing} and, while a pod cannot be created, {@code
 * ReplicaFailure}. A condition keeps its {@code lastTransitionTime} while its status stays the
 * same.
 */
final class DeploymentStatusWriter {
  private final KubernetesClient client;

  DeploymentStatusWriter(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Writes the status of {@code deployment} from its local pods; false on a lost race (retried).
   */
  boolean write(Deployment deployment, LocalDeployment local) {
    DeploymentStatus wanted = status(deployment, local, Instant.now());
    if (sameIgnoringTimes(deployment.getStatus(), wanted)) {
      return true;
    }
    try {
      client
          .apps()
          .deployments()
          .inNamespace(deployment.getMetadata().getNamespace())
          .withName(deployment.getMetadata().getName())
          .editStatus(
              latest -> {
                latest.setStatus(wanted);
                return latest;
              });
      return true;
    } catch (KubernetesClientException e) {
      // Deleted or changed meanwhile: the next sync writes again.
      return false;
    }
  }

  static DeploymentStatus status(Deployment deployment, LocalDeployment local, Instant now) {
    int desired = LocalDeployment.desiredReplicas(deployment);
    List<LocalPod> pods = local.pods();
    int total = pods.size();
    int updated = (int) pods.stream().filter(local::isCurrent).count();
    int ready = (int) pods.stream().filter(LocalPod::ready).count();
    int updatedReady = (int) pods.stream().filter(p -> local.isCurrent(p) && p.ready()).count();
    DeploymentStatus previous = deployment.getStatus();
    String replicaSet = deployment.getMetadata().getName() + "-" + local.templateHash();
    List<DeploymentCondition> conditions = new ArrayList<>();
    boolean available = ready >= desired;
    conditions.add(
        condition(
            previous,
            "Available",
            available,
            available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            available
                ? "Deployment has minimum availability."
                : "Deployment does not have minimum availability.",
            now));
    boolean complete = updatedReady == desired && total == desired;
    conditions.add(
        condition(
            previous,
            "Progressing",
            true,
            complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
            complete
                ? "ReplicaSet \"" + replicaSet + "\" has successfully progressed."
                : "ReplicaSet \"" + replicaSet + "\" is progressing.",
            now));
    if (local.failure() != null) {
      conditions.add(
          condition(previous, "ReplicaFailure", true, "FailedCreate", local.failure(), now));
    }
    return new DeploymentStatusBuilder()
        .withObservedGeneration(deployment.getMetadata().getGeneration())
        .withReplicas(total)
        .withUpdatedReplicas(updated)
        .withReadyReplicas(ready)
        .withAvailableReplicas(ready)
        .withUnavailableReplicas(Math.max(0, desired - ready) == 0 ? null : desired - ready)
        .withConditions(conditions)
        .build();
  }

  private static DeploymentCondition condition(
      DeploymentStatus previous,
      String type,
      boolean status,
      String reason,
      String message,
      Instant now) {
    String value = status ? "True" : "False";
    Optional<DeploymentCondition> before = find(previous, type);
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    String transition =
        before
            .filter(c -> value.equals(c.getStatus()))
            .map(c -> c.getLastTransitionTime())
            .orElse(time);
    boolean same =
        before.isPresent()
            && value.equals(before.get().getStatus())
            && reason.equals(before.get().getReason())
            && message.equals(before.get().getMessage());
    return new DeploymentConditionBuilder()
        .withType(type)
        .withStatus(value)
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(transition)
        .withLastUpdateTime(same ? before.get().getLastUpdateTime() : time)
        .build();
  }

  private static Optional<DeploymentCondition> find(DeploymentStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static boolean sameIgnoringTimes(DeploymentStatus current, DeploymentStatus wanted) {
    if (current == null) {
      return false;
    }
    return Objects.equals(current.getObservedGeneration(), wanted.getObservedGeneration())
        && Objects.equals(current.getReplicas(), wanted.getReplicas())
        && Objects.equals(current.getUpdatedReplicas(), wanted.getUpdatedReplicas())
        && Objects.equals(current.getReadyReplicas(), wanted.getReadyReplicas())
        && Objects.equals(current.getAvailableReplicas(), wanted.getAvailableReplicas())
        && Objects.equals(current.getUnavailableReplicas(), wanted.getUnavailableReplicas())
        && conditionsKey(current).equals(conditionsKey(wanted));
  }

  private static List<String> conditionsKey(DeploymentStatus status) {
    return status.getConditions() == null
        ? List.of()
        : status.getConditions().stream()
            .map(c -> c.getType() + c.getStatus() + c.getReason() + c.getMessage())
            .toList();
  }
}
