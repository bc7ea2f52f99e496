package io.greenlang.operator.agent;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentStatus;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.operator.events.EventReason;
import io.greenlang.operator.events.EventRecorder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kubernetes Events of an Agent, on changes only: a Warning for each broken rule, a Normal
 * Event when it becomes Ready or paused, a Warning when its workload waits or its Deployment fails.
 */
final class AgentEvents {
  private static final Map<String, EventReason> FAILURE_EVENTS =
      Map.of(
          AgentStatus.TENANT_RESOLVED, EventReason.AgentTenantUnresolved,
          AgentStatus.RESIDENCY_COMPLIANT, EventReason.AgentResidencyViolation,
          AgentStatus.QUOTA_COMPLIANT, EventReason.AgentQuotaExceeded);

  private final EventRecorder events;

  AgentEvents(EventRecorder events) {
    this.events = events;
  }

  /** A Warning Event for each condition that became False or failed for a new reason. */
  void recordFailures(Agent agent, AgentStatus before, AgentStatus after) {
    for (String type : AgentStatusAggregator.CONDITION_TYPES) {
      Condition now = after.condition(type).orElseThrow();
      if (now.getStatus() != ConditionStatus.False) {
        continue;
      }
      Optional<Condition> was = before == null ? Optional.empty() : before.condition(type);
      boolean changed =
          was.isEmpty()
              || was.get().getStatus() != now.getStatus()
              || !Objects.equals(was.get().getReason(), now.getReason())
              || !Objects.equals(was.get().getMessage(), now.getMessage());
      if (changed) {
        events.record(agent, FAILURE_EVENTS.get(type), now.getMessage());
      }
    }
  }

  /**
   * A Normal Event when the Agent becomes Ready or paused, a Warning when its workload is stuck.
   */
  void recordReadiness(Agent agent, AgentStatus before, AgentStatus after) {
    Condition now = after.condition(AgentStatus.READY).orElseThrow();
    Optional<Condition> was =
        before == null ? Optional.empty() : before.condition(AgentStatus.READY);
    if (was.isPresent()
        && was.get().getStatus() == now.getStatus()
        && Objects.equals(was.get().getReason(), now.getReason())) {
      return;
    }
    EventReason reason =
        switch (now.getReason()) {
          case "Ready" -> EventReason.AgentReady;
          case "Paused" -> EventReason.AgentPaused;
          case "DeploymentFailed" -> EventReason.AgentDeploymentFailed;
          case "RulesNotMet", "Initializing", "Resuming" -> null;
          default -> EventReason.AgentWaiting;
        };
    if (reason != null) {
      events.record(agent, reason, now.getMessage());
    }
  }
}
