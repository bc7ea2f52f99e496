package io.greenlang.operator.agent;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentStatus;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.operator.admission.AgentRuleResults;
import io.greenlang.operator.admission.AgentTenantResolution;
import io.greenlang.operator.admission.RuleOutcome;
import io.greenlang.operator.status.ConditionTransitions;
import java.time.Instant;
import java.util.List;

/**
 * Builds an Agent's status from the admission rules' results (conditions TenantResolved,
 * ResidencyCompliant and QuotaCompliant, and the resolved tenant) and, when given, the workload's
 * {@link AgentLifecycle.State} (phase, replicas, endpoint, conditions Ready and Available). Without
 * a workload state the workload fields are carried over unchanged.
 */
public final class AgentStatusAggregator {
  /** The condition types this stage reports, in order. */
  public static final List<String> CONDITION_TYPES =
      List.of(
          AgentStatus.TENANT_RESOLVED,
          AgentStatus.RESIDENCY_COMPLIANT,
          AgentStatus.QUOTA_COMPLIANT);

  static final String TENANT_NOT_RESOLVED = "TenantNotResolved";

  private AgentStatusAggregator() {}

  /** The five conditions and the workload fields of {@code workload}. */
  public static AgentStatus aggregate(
      Agent agent, AgentRuleResults results, AgentLifecycle.State workload, Instant now) {
    AgentStatus status = aggregate(agent, results, now);
    status.setPhase(workload.phase());
    status.setReplicas(workload.replicas());
    status.setReadyReplicas(workload.readyReplicas());
    status.setEndpoint(workload.endpoint());
    List<Condition> conditions = new java.util.ArrayList<>(status.getConditions());
    conditions.addAll(
        ConditionTransitions.merge(
            agent.getStatus() == null ? null : agent.getStatus().getConditions(),
            List.of(workload.ready(), workload.available()),
            now,
            agent.getMetadata().getGeneration()));
    status.setConditions(conditions);
    return status;
  }

  /** The three rule conditions; workload fields carried over. */
  public static AgentStatus aggregate(Agent agent, AgentRuleResults results, Instant now) {
    Long generation = agent.getMetadata().getGeneration();
    AgentStatus previous = agent.getStatus();
    AgentStatus status = new AgentStatus();
    if (previous != null) {
      status.setPhase(previous.getPhase());
      status.setReplicas(previous.getReplicas());
      status.setReadyReplicas(previous.getReadyReplicas());
      status.setEndpoint(previous.getEndpoint());
    }
    status.setTenant(results.tenant().tenantName());
    status.setObservedGeneration(generation);
    status.setConditions(
        ConditionTransitions.merge(
            previous == null ? null : previous.getConditions(),
            List.of(
                tenantCondition(results.tenant()),
                outcomeCondition(AgentStatus.RESIDENCY_COMPLIANT, results.residency(), "Compliant"),
                outcomeCondition(AgentStatus.QUOTA_COMPLIANT, results.quota(), "WithinQuota")),
            now,
            generation));
    return status;
  }

  private static Condition tenantCondition(AgentTenantResolution tenant) {
    return tenant.isResolved()
        ? new Condition(
            AgentStatus.TENANT_RESOLVED, ConditionStatus.True, "Resolved", tenant.message())
        : new Condition(
            AgentStatus.TENANT_RESOLVED,
            ConditionStatus.False,
            tenant.violation().reason(),
            tenant.message());
  }

  private static Condition outcomeCondition(
      String type, RuleOutcome outcome, String compliantReason) {
    if (outcome == null) {
      return new Condition(
          type,
          ConditionStatus.Unknown,
          TENANT_NOT_RESOLVED,
          "Not checked: the Agent's Tenant is not resolved (see condition TenantResolved)");
    }
    return new Condition(
        type,
        outcome.isCompliant() ? ConditionStatus.True : ConditionStatus.False,
        outcome.reason(compliantReason),
        outcome.message());
  }
}
