package io.greenlang.operator.agent;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.greenlang.crds.agent.AgentPhase;
import io.greenlang.crds.agent.AgentStatus;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides an Agent's lifecycle phase (DOMAIN.md, "Agent lifecycle") and its Ready and Available
 * conditions from the outcome of the workload pass and the Deployment's status: UNINITIALIZED
 * before a Deployment exists, INITIALIZING until the wanted replicas are ready, READY, PAUSED while
 * {@code spec.paused}, RESUMING after a pause until ready again, ERROR when a rule fails, something
 * the pods need is missing, or the Deployment reports a failure.
 */
public final class AgentLifecycle {
  private static final Set<AgentPhase> PAUSING = EnumSet.of(AgentPhase.PAUSED, AgentPhase.RESUMING);

  private AgentLifecycle() {}

  /** The workload part of an Agent's status. */
  public record State(
      AgentPhase phase,
      Integer readyReplicas,
      String replicas,
      String endpoint,
      Condition ready,
      Condition available) {}

  public static State decide(
      WorkloadOutcome outcome, boolean paused, AgentPhase previous, String endpoint) {
    Deployment deployment = outcome.deployment();
    int wanted = deployment == null ? 0 : orZero(deployment.getSpec().getReplicas());
    int ready =
        deployment == null || deployment.getStatus() == null
            ? 0
            : orZero(deployment.getStatus().getReadyReplicas());
    String replicas = deployment == null ? null : ready + "/" + wanted;
    Integer readyReplicas = deployment == null ? null : ready;
    String address = deployment == null ? null : endpoint;
    Condition available = available(deployment, paused);
    if (outcome instanceof WorkloadOutcome.Blocked blocked) {
      return new State(
          AgentPhase.ERROR,
          readyReplicas,
          replicas,
          address,
          notReady(blocked.reason(), blocked.message()),
          available);
    }
    if (outcome instanceof WorkloadOutcome.Waiting waiting) {
      return new State(
          deployment == null ? AgentPhase.UNINITIALIZED : AgentPhase.ERROR,
          readyReplicas,
          replicas,
          address,
          notReady(waiting.reason(), waiting.message()),
          available);
    }
    return applied(deployment, paused, previous, ready, wanted)
        .withCounts(readyReplicas, replicas, address, available);
  }

  private static Partial applied(
      Deployment deployment, boolean paused, AgentPhase previous, int ready, int wanted) {
    if (paused) {
      return new Partial(
          AgentPhase.PAUSED,
          notReady("Paused", "spec.paused is true: the Deployment is scaled to 0 replicas"));
    }
    Optional<String> failure = failure(deployment);
    if (failure.isPresent()) {
      return new Partial(AgentPhase.ERROR, notReady("DeploymentFailed", failure.get()));
    }
    if (wanted > 0 && ready >= wanted) {
      return new Partial(
          AgentPhase.READY,
          new Condition(
              AgentStatus.READY,
              ConditionStatus.True,
              "Ready",
              ready + " of " + wanted + " replicas ready"));
    }
    boolean resuming = previous != null && PAUSING.contains(previous);
    return new Partial(
        resuming ? AgentPhase.RESUMING : AgentPhase.INITIALIZING,
        notReady(
            resuming ? "Resuming" : "Initializing", ready + " of " + wanted + " replicas ready"));
  }

  /** A Deployment that cannot make progress: ReplicaFailure, or its progress deadline passed. */
  static Optional<String> failure(Deployment deployment) {
    if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    for (DeploymentCondition c : deployment.getStatus().getConditions()) {
      boolean replicaFailure = "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus());
      boolean deadline =
          "Progressing".equals(c.getType())
              && "False".equals(c.getStatus())
              && "ProgressDeadlineExceeded".equals(c.getReason());
      if (replicaFailure || deadline) {
        return Optional.of(
            "Deployment "
                + c.getType()
                + " "
                + c.getStatus()
                + " ("
                + c.getReason()
                + "): "
                + c.getMessage());
      }
    }
    return Optional.empty();
  }

  private static Condition available(Deployment deployment, boolean paused) {
    if (deployment == null) {
      return new Condition(
          AgentStatus.AVAILABLE, ConditionStatus.False, "NoDeployment", "no Deployment yet");
    }
    int available =
        deployment.getStatus() == null ? 0 : orZero(deployment.getStatus().getAvailableReplicas());
    if (available > 0) {
      return new Condition(
          AgentStatus.AVAILABLE,
          ConditionStatus.True,
          "MinimumReplicasAvailable",
          available + " replica(s) available");
    }
    return new Condition(
        AgentStatus.AVAILABLE,
        ConditionStatus.False,
        paused ? "Paused" : "NoReplicasAvailable",
        "no replica available");
  }

  private static Condition notReady(String reason, String message) {
    return new Condition(AgentStatus.READY, ConditionStatus.False, reason, message);
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private record Partial(AgentPhase phase, Condition ready) {
    State withCounts(Integer readyReplicas, String replicas, String endpoint, Condition available) {
      return new State(phase, readyReplicas, replicas, endpoint, ready, available);
    }
  }
}
