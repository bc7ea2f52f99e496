package io.greenlang.operator.agent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentStatus;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.operator.admission.AgentAdmissionRules;
import io.greenlang.operator.admission.AgentRuleResults;
import io.greenlang.operator.events.EventReason;
import io.greenlang.operator.events.EventRecorder;
import io.greenlang.operator.status.StatusChange;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The backstop behind the admission webhook: re-checks every Agent against the same rules (tenant,
 * residency of its LLM endpoints, the tenant's Agent quota), because Agents may predate the
 * webhook, the webhook may have been down with {@code failurePolicy: Ignore}, or a Tenant or Region
 * may have changed since. Reports the outcome in status and as Warning Events; it does not run the
 * Agent's workload and leaves {@code status.phase} alone.
 */
@ControllerConfiguration(name = "agent")
public class AgentReconciler implements Reconciler<Agent> {
  private static final Logger LOG = Logger.getLogger(AgentReconciler.class);

  /** Index of the Agent cache: the tenant an Agent is counted for (namespace owner or spec). */
  static final String TENANT_INDEX = "greenlang-tenant";

  private static final Map<String, EventReason> FAILURE_EVENTS =
      Map.of(
          AgentStatus.TENANT_RESOLVED, EventReason.AgentTenantUnresolved,
          AgentStatus.RESIDENCY_COMPLIANT, EventReason.AgentResidencyViolation,
          AgentStatus.QUOTA_COMPLIANT, EventReason.AgentQuotaExceeded);

  private final EventRecorder events;
  private final AgentSettings settings;

  public AgentReconciler(EventRecorder events, AgentSettings settings) {
    this.events = events;
    this.settings = settings;
  }

  /**
   * Tenants and Regions map to the Agents they decide about, so a changed quota, isolation or LLM
   * endpoint list is re-checked at once; only spec changes (a new generation) count.
   */
  @Override
  public List<EventSource<?, Agent>> prepareEventSources(EventSourceContext<Agent> context) {
    IndexedResourceCache<Agent> agents = context.getPrimaryCache();
    context.getPrimaryCache().addIndexer(TENANT_INDEX, AgentReconciler::countedTenant);
    var tenants =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Tenant.class, Agent.class)
                .withWatchAllNamespaces()
                .withSecondaryToPrimaryMapper(
                    tenant -> agentsOf(agents, tenant.getMetadata().getName()))
                .withOnUpdateFilter(AgentReconciler::generationChanged)
                .build(),
            context);
    var regions =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Region.class, Agent.class)
                .withWatchAllNamespaces()
                .withSecondaryToPrimaryMapper(
                    region ->
                        tenants
                            .list(t -> isInRegion(t, region.getMetadata().getName()))
                            .flatMap(t -> agentsOf(agents, t.getMetadata().getName()).stream())
                            .collect(Collectors.toSet()))
                .withOnUpdateFilter(AgentReconciler::generationChanged)
                .build(),
            context);
    return List.of(tenants, regions);
  }

  @Override
  public UpdateControl<Agent> reconcile(Agent agent, Context<Agent> context) {
    AgentRuleResults results =
        AgentAdmissionRules.evaluate(agent, new InformerCacheLookup(context));
    AgentStatus computed = AgentStatusAggregator.aggregate(agent, results, Instant.now());
    recordFailures(agent, agent.getStatus(), computed);

    var next = settings.recheckInterval();
    if (!StatusChange.differs(agent.getStatus(), computed)) {
      return UpdateControl.<Agent>noUpdate().rescheduleAfter(next);
    }
    agent.setStatus(computed);
    return UpdateControl.patchStatus(agent).rescheduleAfter(next);
  }

  /** Unexpected errors: a Warning Event, and the SDK retries. */
  @Override
  public ErrorStatusUpdateControl<Agent> updateErrorStatus(
      Agent agent, Context<Agent> context, Exception error) {
    String message =
        "Reconcile failed: " + error.getClass().getSimpleName() + ": " + error.getMessage();
    LOG.warnf(
        error,
        "Agent %s/%s: %s",
        agent.getMetadata().getNamespace(),
        agent.getMetadata().getName(),
        message);
    events.record(agent, EventReason.ReconcileError, message);
    return ErrorStatusUpdateControl.defaultErrorProcessing();
  }

  /** A Warning Event for each condition that became False or failed for a new reason. */
  private void recordFailures(Agent agent, AgentStatus before, AgentStatus after) {
    for (String type : AgentStatusAggregator.CONDITION_TYPES) {
      Condition now = after.condition(type).orElseThrow();
      if (now.getStatus() != ConditionStatus.False) {
        continue;
      }
      Optional<Condition> was = before == null ? Optional.empty() : before.condition(type);
      boolean changed =
          was.isEmpty()
              || was.get().getStatus() != now.getStatus()
              || !Objects.equals(was.get().getReason(), now.getReason())
              || !Objects.equals(was.get().getMessage(), now.getMessage());
      if (changed) {
        events.record(agent, FAILURE_EVENTS.get(type), now.getMessage());
      }
    }
  }

  /**
   * The tenant whose quota an Agent counts against: the owner of {@code gl-<tenant>}, or the {@code
   * spec.tenant} of an Agent in {@code gl-shared}.
   */
  static List<String> countedTenant(Agent agent) {
    String namespace = agent.getMetadata().getNamespace();
    String tenant =
        TenantNames.SHARED_NAMESPACE.equals(namespace)
            ? (agent.getSpec() == null ? null : agent.getSpec().getTenant())
            : TenantNames.tenantOfNamespace(namespace);
    return tenant == null ? List.of() : List.of(tenant);
  }

  private static Set<ResourceID> agentsOf(IndexedResourceCache<Agent> agents, String tenant) {
    return agents.byIndex(TENANT_INDEX, tenant).stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private static boolean isInRegion(Tenant tenant, String region) {
    return tenant.getSpec() != null && region.equals(tenant.getSpec().getRegion());
  }

  private static boolean generationChanged(HasMetadata updated, HasMetadata old) {
    return !Objects.equals(
        updated.getMetadata().getGeneration(), old.getMetadata().getGeneration());
  }
}
