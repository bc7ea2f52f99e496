package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The Agent's Service {@code <agent>}: port 8080 {@code http} to the agent's pods. */
public final class AgentServiceDependent {
  private AgentServiceDependent() {}

  public static Service desired(AgentWorkload workload) {
    return new ServiceBuilder()
        .withMetadata(workload.metadata(workload.name()))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(workload.selector())
        .addNewPort()
        .withName("http")
        .withPort(AgentWorkload.HTTP_PORT)
        .withTargetPort(new IntOrString("http"))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }
}
