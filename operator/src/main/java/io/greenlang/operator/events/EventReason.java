package io.greenlang.operator.events;

/** Typed reasons of the Kubernetes Events the operator emits; documented in docs/operations. */
public enum EventReason {
  RegionReady(EventType.Normal),
  RegionNotReady(EventType.Warning),
  SecretNotFound(EventType.Warning),
  DatabaseUnreachable(EventType.Warning),
  CacheUnreachable(EventType.Warning),
  ClusterUnreachable(EventType.Warning),
  ReconcileError(EventType.Warning);

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
