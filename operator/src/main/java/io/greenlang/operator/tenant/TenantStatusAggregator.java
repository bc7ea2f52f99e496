package io.greenlang.operator.tenant;

import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantPhase;
import io.greenlang.crds.tenant.TenantStatus;
import io.greenlang.crds.tenant.TenantUsage;
import io.greenlang.operator.status.ConditionTransitions;
import io.greenlang.operator.tenant.ProvisioningOutcome.GroupResult;
import java.time.Instant;
import java.util.List;

/**
 * Builds a Tenant's status from a provisioning pass, always with the same conditions in the same
 * order ({@link TenantStatus#CONDITION_TYPES}), so a repeated pass over a settled tenant yields an
 * identical status and no write.
 */
public final class TenantStatusAggregator {
  private TenantStatusAggregator() {}

  public static TenantStatus aggregate(
      Tenant tenant, ProvisioningOutcome outcome, int agentCount, Instant now) {
    Condition namespace = group(TenantStatus.NAMESPACE_READY, outcome.namespaceGroup());
    Condition database = group(TenantStatus.DATABASE_READY, outcome.databaseGroup());
    Condition cache = group(TenantStatus.CACHE_READY, outcome.cacheGroup());
    Condition quota = group(TenantStatus.QUOTA_READY, outcome.quotaGroup());
    Condition rbac = group(TenantStatus.RBAC_READY, outcome.rbacGroup());
    Condition residency = residency(tenant, outcome);
    Condition ready = ready(tenant, outcome);

    TenantStatus previous = tenant.getStatus();
    TenantStatus status = new TenantStatus();
    Long generation = tenant.getMetadata().getGeneration();
    status.setObservedGeneration(generation);
    status.setConditions(
        ConditionTransitions.merge(
            previous == null ? null : previous.getConditions(),
            List.of(ready, namespace, database, cache, rbac, quota, residency),
            now,
            generation));
    status.setPhase(phase(outcome, previous));
    if (outcome.placement() instanceof TenantPlacement.Placed placed) {
      status.setCluster(placed.cluster().getName());
      status.setNamespaces(List.of(outcome.namespace()));
      status.setDatabase(outcome.database());
      status.setCredentialsSecretRef(outcome.credentialsSecret());
    } else if (previous != null) {
      // While waiting, the tenant is still where it was: keep reporting that.
      status.setCluster(previous.getCluster());
      status.setNamespaces(previous.getNamespaces());
      status.setDatabase(previous.getDatabase());
      status.setCredentialsSecretRef(previous.getCredentialsSecretRef());
    }
    // A new object: changing the stored status in place would hide the change from StatusChange.
    TenantUsage usage = new TenantUsage();
    if (previous != null && previous.getUsage() != null) {
      usage.setTokensToday(previous.getUsage().getTokensToday());
      usage.setCostThisMonthUsd(previous.getUsage().getCostThisMonthUsd());
    }
    usage.setAgents(agentCount);
    status.setUsage(usage);
    return status;
  }

  private static Condition group(String type, GroupResult result) {
    ConditionStatus status =
        switch (result.state()) {
          case SYNCED -> ConditionStatus.True;
          case FAILED -> ConditionStatus.False;
          case NOT_ATTEMPTED -> ConditionStatus.Unknown;
        };
    return new Condition(type, status, result.reason(), result.message());
  }

  private static Condition residency(Tenant tenant, ProvisioningOutcome outcome) {
    String type = TenantStatus.RESIDENCY_COMPLIANT;
    if (outcome.placement() instanceof TenantPlacement.Placed placed) {
      return new Condition(
          type,
          ConditionStatus.True,
          "PlacedInRegion",
          "placed on cluster "
              + placed.cluster().getName()
              + " of Region "
              + placed.region().getMetadata().getName()
              + " ("
              + placed.region().getSpec().getCode()
              + ")");
    }
    var waiting = (TenantPlacement.Waiting) outcome.placement();
    return waiting.residencyViolated()
        ? new Condition(type, ConditionStatus.False, waiting.reason(), waiting.message())
        : new Condition(type, ConditionStatus.Unknown, waiting.reason(), waiting.message());
  }

  private static Condition ready(Tenant tenant, ProvisioningOutcome outcome) {
    if (outcome.placement() instanceof TenantPlacement.Waiting waiting) {
      return new Condition(
          TenantStatus.READY, ConditionStatus.False, waiting.reason(), waiting.message());
    }
    if (outcome.allSynced()) {
      return new Condition(
          TenantStatus.READY,
          ConditionStatus.True,
          "Provisioned",
          "tenant "
              + tenant.getMetadata().getName()
              + " ("
              + tenant.getSpec().getIsolation().name().toLowerCase()
              + ") is provisioned in namespace "
              + outcome.namespace());
    }
    GroupResult failed =
        outcome.groups().stream()
            .filter(g -> g.state() == ProvisioningOutcome.State.FAILED)
            .findFirst()
            .orElse(outcome.namespaceGroup());
    return new Condition(
        TenantStatus.READY, ConditionStatus.False, failed.reason(), failed.message());
  }

  private static TenantPhase phase(ProvisioningOutcome outcome, TenantStatus previous) {
    if (!outcome.placed()) {
      return wasUp(previous) ? TenantPhase.Degraded : TenantPhase.Pending;
    }
    if (outcome.allSynced()) {
      return TenantPhase.Ready;
    }
    return wasUp(previous) ? TenantPhase.Degraded : TenantPhase.Provisioning;
  }

  /** Ready before, or already Degraded: a failure now is a degradation, not first provisioning. */
  private static boolean wasUp(TenantStatus previous) {
    return previous != null
        && (previous.getPhase() == TenantPhase.Ready
            || previous.getPhase() == TenantPhase.Degraded);
  }
}
