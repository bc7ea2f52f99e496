package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.TreeMap;

/**
 * The copy {@code <agent>-credentials} of a logical tenant's credentials Secret, which lives in the
 * operator's namespace where the agent's pods cannot read it: same data, owned by the Agent, so a
 * rotation of the original reaches the copy on the next reconcile and then rolls the pods.
 */
public final class AgentCredentialsSecretDependent {
  private AgentCredentialsSecretDependent() {}

  public static Secret desired(AgentWorkload workload, Secret original) {
    return new SecretBuilder()
        .withMetadata(workload.metadata(AgentWorkload.credentialsCopyName(workload.name())))
        .withType("Opaque")
        .withData(original.getData() == null ? new TreeMap<>() : new TreeMap<>(original.getData()))
        .build();
  }
}
