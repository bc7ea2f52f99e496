package io.greenlang.operator.agent;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.admission.ResourceLookup;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import java.util.List;
import java.util.Optional;

/**
 * {@link ResourceLookup} over the Agent controller's informer caches: the Agents it watches and the
 * Tenant and Region informers it registers, so a reconcile makes no API calls to read them.
 */
final class InformerCacheLookup implements ResourceLookup {
  private final Context<Agent> context;

  InformerCacheLookup(Context<Agent> context) {
    this.context = context;
  }

  @Override
  public Optional<Region> region(String name) {
    return cache(Region.class).get(new ResourceID(name));
  }

  @Override
  public Optional<Tenant> tenant(String name) {
    return cache(Tenant.class).get(new ResourceID(name));
  }

  @Override
  public List<Agent> agentsIn(String namespace) {
    return context.getPrimaryCache().list(namespace).toList();
  }

  @SuppressWarnings("unchecked")
  private <R> Cache<R> cache(Class<R> type) {
    // The informer event sources registered in AgentReconciler.prepareEventSources are caches.
    return (Cache<R>) context.eventSourceRetriever().getEventSourceFor(type);
  }
}
