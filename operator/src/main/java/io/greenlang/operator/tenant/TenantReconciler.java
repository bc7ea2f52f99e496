package io.greenlang.operator.tenant;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.crds.tenant.TenantPhase;
import io.greenlang.crds.tenant.TenantStatus;
import io.greenlang.operator.OperatorSettings;
import io.greenlang.operator.cache.AgentReferences;
import io.greenlang.operator.events.EventReason;
import io.greenlang.operator.events.EventRecorder;
import io.greenlang.operator.status.ConditionTransitions;
import io.greenlang.operator.status.StatusChange;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reconciles a Tenant: places it on a cluster of its Region and provisions its namespace, network
 * policies, quota, RoleBindings and registration by isolation level; reports a fixed set of
 * conditions and usage; on deletion removes what it created per the deletion policy (finalizer).
 */
@ControllerConfiguration(
    name = "tenant",
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 30, timeUnit = TimeUnit.MINUTES))
public class TenantReconciler implements Reconciler<Tenant>, Cleaner<Tenant> {
  static final String REGION_INDEX = "tenant-by-region";

  private final TenantProvisioning provisioning;
  private final TenantDecommissioning decommissioning;
  private final EventRecorder events;
  private final OperatorSettings settings;
  private final KubernetesClient client;
  private final TenantMetrics metrics;

  public TenantReconciler(
      TenantProvisioning provisioning,
      TenantDecommissioning decommissioning,
      EventRecorder events,
      OperatorSettings settings,
      KubernetesClient client,
      TenantMetrics metrics) {
    this.metrics = metrics;
    this.provisioning = provisioning;
    this.decommissioning = decommissioning;
    this.events = events;
    this.settings = settings;
    this.client = client;
  }

  /**
   * A Region's spec or readiness change wakes its Tenants (not its status counters, which change
   * with every tenant); an Agent appearing or going updates its tenant's usage.
   */
  @Override
  public List<EventSource<?, Tenant>> prepareEventSources(EventSourceContext<Tenant> context) {
    context.getPrimaryCache().addIndexer(REGION_INDEX, t -> List.of(t.getSpec().getRegion()));
    var regions =
        InformerEventSourceConfiguration.from(Region.class, Tenant.class)
            .withSecondaryToPrimaryMapper(
                region ->
                    context
                        .getPrimaryCache()
                        .byIndex(REGION_INDEX, region.getMetadata().getName())
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .withPrimaryToSecondaryMapper(
                (Tenant t) -> Set.of(new ResourceID(t.getSpec().getRegion())))
            .withOnUpdateFilter(
                (updated, old) ->
                    !Objects.equals(
                            updated.getMetadata().getGeneration(),
                            old.getMetadata().getGeneration())
                        || readiness(updated) != readiness(old))
            .build();
    // Counted and mapped to their tenant only: the cache keeps Agent references, not whole Agents.
    var agents =
        AgentReferences.referencesOnly(
                InformerEventSourceConfiguration.from(Agent.class, Tenant.class)
                    .withSecondaryToPrimaryMapper(TenantReconciler::tenantOf)
                    .withOnUpdateFilter((updated, old) -> !tenantOf(updated).equals(tenantOf(old))),
                context)
            .build();
    return List.of(
        new InformerEventSource<>(regions, context), new InformerEventSource<>(agents, context));
  }

  @Override
  public UpdateControl<Tenant> reconcile(Tenant tenant, Context<Tenant> context) {
    Optional<Region> region = context.getSecondaryResource(Region.class);
    int agents = context.getSecondaryResources(Agent.class).size();
    ProvisioningOutcome outcome = provisioning.provision(tenant, region);
    TenantStatus computed =
        TenantStatusAggregator.aggregate(tenant, outcome, agents, Instant.now());
    recordEvents(tenant, outcome, computed);
    metrics.observe(tenant, computed.getPhase(), agents);

    UpdateControl<Tenant> control;
    if (StatusChange.differs(tenant.getStatus(), computed)) {
      tenant.setStatus(computed);
      control = UpdateControl.patchStatus(tenant);
    } else {
      control = UpdateControl.noUpdate();
    }
    return outcome.allSynced()
        ? control
        : control.rescheduleAfter(settings.tenant().retryInterval());
  }

  @Override
  public DeleteControl cleanup(Tenant tenant, Context<Tenant> context) {
    var result = decommissioning.decommission(tenant, context.getSecondaryResource(Region.class));
    if (result.done()) {
      metrics.forget(tenant.getMetadata().getName());
      return DeleteControl.defaultDelete();
    }
    markDeleting(tenant, result, context.getSecondaryResources(Agent.class).size());
    return DeleteControl.noFinalizerRemoval()
        .rescheduleAfter(settings.tenant().retryInterval().toMillis());
  }

  private void markDeleting(Tenant tenant, TenantDecommissioning.Result result, int agents) {
    TenantStatus status = tenant.getStatus() == null ? new TenantStatus() : tenant.getStatus();
    var ready =
        new Condition(
            TenantStatus.READY,
            io.greenlang.crds.common.ConditionStatus.False,
            result.reason(),
            result.message());
    var conditions = new java.util.ArrayList<>(status.getConditions());
    conditions.removeIf(c -> TenantStatus.READY.equals(c.getType()));
    conditions.addAll(
        0,
        ConditionTransitions.merge(
            status.getConditions(),
            List.of(ready),
            Instant.now(),
            tenant.getMetadata().getGeneration()));
    boolean changed =
        status.getPhase() != TenantPhase.Deleting
            || status
                .condition(TenantStatus.READY)
                .map(c -> !c.sameStateAs(conditions.get(0)))
                .orElse(true);
    metrics.observe(tenant, TenantPhase.Deleting, agents);
    if (!changed) {
      return;
    }
    events.record(tenant, EventReason.TenantDeletionBlocked, result.message());
    client
        .resources(Tenant.class)
        .withName(tenant.getMetadata().getName())
        .editStatus(
            t -> {
              TenantStatus s = t.getStatus() == null ? new TenantStatus() : t.getStatus();
              s.setPhase(TenantPhase.Deleting);
              s.setConditions(conditions);
              t.setStatus(s);
              return t;
            });
  }

  private void recordEvents(Tenant tenant, ProvisioningOutcome outcome, TenantStatus computed) {
    if (outcome.rbacGroup().writes().wrote()) {
      var w = outcome.rbacGroup().writes();
      events.record(
          tenant,
          EventReason.MemberAccessChanged,
          "RoleBindings: "
              + w.created()
              + " created, "
              + w.updated()
              + " updated, "
              + w.deleted()
              + " revoked");
    }
    Optional<Condition> before =
        tenant.getStatus() == null
            ? Optional.empty()
            : tenant.getStatus().condition(TenantStatus.READY);
    Condition after = computed.condition(TenantStatus.READY).orElseThrow();
    if (before.isPresent()
        && before.get().getStatus() == after.getStatus()
        && Objects.equals(before.get().getReason(), after.getReason())) {
      return;
    }
    if (after.isTrue()) {
      events.record(tenant, EventReason.TenantReady, after.getMessage());
    } else if (outcome.placed()) {
      events.record(tenant, EventReason.TenantProvisioningFailed, after.getMessage());
    } else {
      events.record(tenant, EventReason.TenantWaiting, after.getMessage());
    }
  }

  private static Boolean readiness(Region region) {
    return region.getStatus() == null
        ? null
        : region
            .getStatus()
            .condition(io.greenlang.crds.region.RegionStatus.READY)
            .map(Condition::isTrue)
            .orElse(null);
  }

  /**
   * The tenant of an Agent: the owner of its gl-<tenant> namespace, or spec.tenant in gl-shared.
   */
  static Set<ResourceID> tenantOf(Agent agent) {
    String fromNamespace = TenantNames.tenantOfNamespace(agent.getMetadata().getNamespace());
    String tenant =
        fromNamespace != null
            ? fromNamespace
            : agent.getSpec() == null ? null : agent.getSpec().getTenant();
    return tenant == null ? Set.of() : Set.of(new ResourceID(tenant));
  }
}
