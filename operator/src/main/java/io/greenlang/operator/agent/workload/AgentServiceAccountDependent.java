package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/**
 * The Agent's ServiceAccount {@code <agent>}: its pods' identity, without a mounted API token (the
 * runtime needs no Kubernetes API access).
 */
public final class AgentServiceAccountDependent {
  private AgentServiceAccountDependent() {}

  public static ServiceAccount desired(AgentWorkload workload) {
    return new ServiceAccountBuilder()
        .withMetadata(workload.metadata(workload.name()))
        .withAutomountServiceAccountToken(false)
        .build();
  }
}
