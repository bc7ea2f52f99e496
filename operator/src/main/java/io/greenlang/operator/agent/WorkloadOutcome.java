package io.greenlang.operator.agent;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What one pass over an Agent's workload came to: not attempted because the Agent breaks a rule,
 * waiting for something it needs (credentials, a Secret, the Region), or applied, with the
 * Deployment as the API server now has it.
 */
public sealed interface WorkloadOutcome {
  /** The Deployment as last seen, or null when there is none. */
  Deployment deployment();

  /** The admission rules fail: nothing is created or changed; an existing Deployment stays. */
  record Blocked(String reason, String message, Deployment deployment) implements WorkloadOutcome {}

  /** Something the pods need is missing; nothing is created or changed. */
  record Waiting(String reason, String message, Deployment deployment) implements WorkloadOutcome {}

  /**
   * Every object is in place.
   *
   * @param created whether this pass created the Deployment
   * @param rolled whether this pass gave the Deployment a new pod template (config hash)
   */
  record Applied(Deployment deployment, boolean created, boolean rolled)
      implements WorkloadOutcome {}
}
