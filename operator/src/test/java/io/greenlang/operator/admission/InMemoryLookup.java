package io.greenlang.operator.admission;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@link ResourceLookup} over objects held in memory, for unit tests of the rules. */
public final class InMemoryLookup implements ResourceLookup {
  private final Map<String, Region> regions = new HashMap<>();
  private final Map<String, Tenant> tenants = new HashMap<>();
  private final List<Agent> agents = new ArrayList<>();

  public InMemoryLookup with(Region region) {
    regions.put(region.getMetadata().getName(), region);
    return this;
  }

  public InMemoryLookup with(Tenant tenant) {
    tenants.put(tenant.getMetadata().getName(), tenant);
    return this;
  }

  public InMemoryLookup with(Agent agent) {
    agents.add(agent);
    return this;
  }

  @Override
  public Optional<Region> region(String name) {
    return Optional.ofNullable(regions.get(name));
  }

  @Override
  public Optional<Tenant> tenant(String name) {
    return Optional.ofNullable(tenants.get(name));
  }

  @Override
  public List<Agent> agentsIn(String namespace) {
    return agents.stream()
        .filter(a -> Objects.equals(namespace, a.getMetadata().getNamespace()))
        .toList();
  }
}
