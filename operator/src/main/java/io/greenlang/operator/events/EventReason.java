package io.greenlang.operator.events;

/** Typed reasons of the Kubernetes Events the operator emits; documented in docs/operations. */
public enum EventReason {
  RegionReady(EventType.Normal),
  RegionNotReady(EventType.Warning),
  SecretNotFound(EventType.Warning),
  DatabaseUnreachable(EventType.Warning),
  CacheUnreachable(EventType.Warning),
  ClusterUnreachable(EventType.Warning),
  TenantReady(EventType.Normal),
  TenantWaiting(EventType.Warning),
  TenantProvisioningFailed(EventType.Warning),
  MemberAccessChanged(EventType.Normal),
  TenantDeletionBlocked(EventType.Warning),
  TenantDataRetained(EventType.Normal),
  TenantDeleted(EventType.Normal),
  TenantCleanupFailed(EventType.Warning),
  AgentTenantUnresolved(EventType.Warning),
  AgentResidencyViolation(EventType.Warning),
  AgentQuotaExceeded(EventType.Warning),
  AgentReady(EventType.Normal),
  AgentPaused(EventType.Normal),
  AgentWaiting(EventType.Warning),
  AgentDeploymentFailed(EventType.Warning),
  ReconcileError(EventType.Warning),
  PipelineValid(EventType.Normal),
  PipelineInvalid(EventType.Warning),
  RunWaiting(EventType.Normal),
  RunQueued(EventType.Normal),
  RunStarted(EventType.Normal),
  StepSkipped(EventType.Normal),
  StepRetrying(EventType.Warning),
  StepFailed(EventType.Warning),
  StepTimedOut(EventType.Warning),
  Compensating(EventType.Warning),
  StepCompensated(EventType.Normal),
  CompensationFailed(EventType.Warning),
  RunSucceeded(EventType.Normal),
  RunFailed(EventType.Warning),
  RunCancelled(EventType.Normal),
  RunTimedOut(EventType.Warning);

  private final EventType type;

  EventReason(EventType type) {
    this.type = type;
  }

  public EventType type() {
    return type;
  }

  /** Kubernetes Event types. */
  public enum EventType {
    Normal,
    Warning
  }
}
