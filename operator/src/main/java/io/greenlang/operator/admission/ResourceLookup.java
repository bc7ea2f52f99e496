package io.greenlang.operator.admission;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.Tenant;
import java.util.List;
import java.util.Optional;

/**
 * What the admission rules need to read from the cluster. The webhook reads the API server directly
 * (fresh reads, so a quota is checked against the latest count); the Agent reconciler reads its
 * informer caches.
 */
public interface ResourceLookup {
  /** The Region of that name, if it exists. */
  Optional<Region> region(String name);

  /** The Tenant of that name, if it exists. */
  Optional<Tenant> tenant(String name);

  /** Every Agent in the namespace. */
  List<Agent> agentsIn(String namespace);
}
