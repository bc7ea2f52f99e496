package io.greenlang.operator.admission;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ResourceLookup} against the API server. The webhook uses it instead of informer caches so
 * that two Agents created one after the other see each other when the quota is counted.
 */
@ApplicationScoped
public class ApiServerLookup implements ResourceLookup {
  private final KubernetesClient client;

  public ApiServerLookup(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<Region> region(String name) {
    return read(
        "reading Region \"" + name + "\"",
        () -> Optional.ofNullable(client.resources(Region.class).withName(name).get()));
  }

  @Override
  public Optional<Tenant> tenant(String name) {
    return read(
        "reading Tenant \"" + name + "\"",
        () -> Optional.ofNullable(client.resources(Tenant.class).withName(name).get()));
  }

  @Override
  public List<Agent> agentsIn(String namespace) {
    return read(
        "listing Agents in namespace " + namespace,
        () -> client.resources(Agent.class).inNamespace(namespace).list().getItems());
  }

  private static <T> T read(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw new LookupFailedException(what, e);
    }
  }
}
