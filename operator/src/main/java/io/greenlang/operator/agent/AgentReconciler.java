package io.greenlang.operator.agent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentPhase;
import io.greenlang.crds.agent.AgentStatus;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.operator.admission.AgentAdmissionRules;
import io.greenlang.operator.admission.AgentRuleResults;
import io.greenlang.operator.admission.AgentTenantResolution;
import io.greenlang.operator.agent.workload.AgentWorkload;
import io.greenlang.operator.events.EventReason;
import io.greenlang.operator.events.EventRecorder;
import io.greenlang.operator.status.StatusChange;
import io.greenlang.operator.tenant.desired.OwnedLabels;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs each Agent as a governed workload (docs/agents.md). First the backstop behind the admission
 * webhook: the same rules (tenant, residency of its LLM endpoints, the tenant's Agent quota) are
 * checked again, because Agents may predate the webhook, the webhook may have been down with {@code
 * failurePolicy: Ignore}, or a Tenant or Region may have changed since; a broken rule is a
 * condition and a Warning Event, and no workload is created or changed. Then {@link AgentWorkloads}
 * keeps the ConfigMap, Deployment, Service, ServiceAccount, NetworkPolicy and, by spec and SLA
 * tier, autoscaler and disruption budget in place, and {@link AgentLifecycle} derives the phase
 * from the Deployment. Deletion records {@code agent.deleted}; owner references remove the objects.
 */
@ControllerConfiguration(name = "agent")
public class AgentReconciler implements Reconciler<Agent>, Cleaner<Agent> {
  private static final Logger LOG = Logger.getLogger(AgentReconciler.class);

  /** Index of the Agent cache: the tenant an Agent is counted for (namespace owner or spec). */
  static final String TENANT_INDEX = "greenlang-tenant";

  private final EventRecorder events;
  private final AgentSettings settings;
  private final AgentWorkloads workloads;
  private final AgentWorkloadAudit audit;
  private final AgentPhaseGauge gauge;
  private final AgentEvents agentEvents;

  public AgentReconciler(
      EventRecorder events,
      AgentSettings settings,
      AgentWorkloads workloads,
      AgentWorkloadAudit audit,
      AgentPhaseGauge gauge) {
    this.events = events;
    this.settings = settings;
    this.workloads = workloads;
    this.audit = audit;
    this.gauge = gauge;
    this.agentEvents = new AgentEvents(events);
  }

  /**
   * Tenants and Regions map to the Agents they decide about, so a changed quota, isolation or LLM
   * endpoint list is re-checked at once; only spec changes (a new generation) count.
   */
  @Override
  public List<EventSource<?, Agent>> prepareEventSources(EventSourceContext<Agent> context) {
    IndexedResourceCache<Agent> agents = context.getPrimaryCache();
    context.getPrimaryCache().addIndexer(TENANT_INDEX, AgentReconciler::countedTenant);
    gauge.observe(agents);
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
    return List.of(tenants, regions, deployments(context), secrets(context, agents));
  }

  /** The Agents' Deployments (by label), so status changes of the pods reach the Agent at once. */
  private static EventSource<?, Agent> deployments(EventSourceContext<Agent> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Deployment.class, Agent.class)
            .withWatchAllNamespaces()
            .withLabelSelector(AgentWorkload.AGENT_LABEL)
            .withSecondaryToPrimaryMapper(Mappers.<Agent, Deployment>fromOwnerType(Agent.class))
            .build(),
        context);
  }

  /**
   * Secrets the operator manages: a tenant's credentials (rotated passwords wake every Agent of the
   * tenant) and the Agents' copies of them. LLM key Secrets are the user's and unlabelled; their
   * changes are seen on the periodic re-check.
   */
  private static EventSource<?, Agent> secrets(
      EventSourceContext<Agent> context, IndexedResourceCache<Agent> agents) {
    var ownedByAgent = Mappers.<Agent, Secret>fromOwnerType(Agent.class);
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Secret.class, Agent.class)
            .withWatchAllNamespaces()
            .withLabelSelector(GreenLang.MANAGED_BY_LABEL + "=" + GreenLang.MANAGED_BY_VALUE)
            .withSecondaryToPrimaryMapper(
                secret -> {
                  Set<ResourceID> owners = new HashSet<>(ownedByAgent.toPrimaryResourceIDs(secret));
                  var labels = secret.getMetadata().getLabels();
                  String tenant = labels == null ? null : labels.get(GreenLang.TENANT_LABEL);
                  if (tenant != null && "credentials".equals(labels.get(OwnedLabels.COMPONENT))) {
                    owners.addAll(agentsOf(agents, tenant));
                  }
                  return owners;
                })
            .build(),
        context);
  }

  @Override
  public UpdateControl<Agent> reconcile(Agent agent, Context<Agent> context) {
    InformerCacheLookup lookup = new InformerCacheLookup(context);
    AgentRuleResults results = AgentAdmissionRules.evaluate(agent, lookup);
    AgentPhase before = agent.getStatus() == null ? null : agent.getStatus().getPhase();
    Tenant tenant = results.tenant().isResolved() ? results.tenant().tenant() : null;
    Region region =
        tenant == null ? null : lookup.region(tenant.getSpec().getRegion()).orElse(null);
    WorkloadOutcome outcome = workload(agent, results, tenant, region, context);
    AgentLifecycle.State state =
        AgentLifecycle.decide(
            outcome,
            Boolean.TRUE.equals(agent.getSpec().getPaused()),
            before,
            "http://"
                + agent.getMetadata().getName()
                + "."
                + agent.getMetadata().getNamespace()
                + ".svc:"
                + AgentWorkload.HTTP_PORT);
    if (tenant != null && region != null) {
      audit.recordPass(tenant, region, agent, outcome, before, state.phase());
    }
    AgentStatus computed = AgentStatusAggregator.aggregate(agent, results, state, Instant.now());
    agentEvents.recordFailures(agent, agent.getStatus(), computed);
    agentEvents.recordReadiness(agent, agent.getStatus(), computed);

    var next =
        outcome instanceof WorkloadOutcome.Waiting
            ? settings.retryInterval()
            : settings.recheckInterval();
    if (!StatusChange.differs(agent.getStatus(), computed)) {
      return UpdateControl.<Agent>noUpdate().rescheduleAfter(next);
    }
    agent.setStatus(computed);
    return UpdateControl.patchStatus(agent).rescheduleAfter(next);
  }

  /** The workload pass, unless a rule fails or the Region is missing. */
  private WorkloadOutcome workload(
      Agent agent, AgentRuleResults results, Tenant tenant, Region region, Context<Agent> context) {
    if (!results.violations().isEmpty()) {
      return new WorkloadOutcome.Blocked(
          "RulesNotMet",
          "the workload is not created or changed while a rule fails: "
              + results.violations().get(0).describe(),
          context.getSecondaryResource(Deployment.class).orElse(null));
    }
    if (region == null) {
      return new WorkloadOutcome.Waiting(
          "RegionNotFound",
          "Region \"" + tenant.getSpec().getRegion() + "\" not found",
          context.getSecondaryResource(Deployment.class).orElse(null));
    }
    return workloads.apply(agent, tenant, region);
  }

  /** Records {@code agent.deleted}; the owner references remove the workload. */
  @Override
  public DeleteControl cleanup(Agent agent, Context<Agent> context) {
    InformerCacheLookup lookup = new InformerCacheLookup(context);
    AgentTenantResolution resolution = AgentTenantResolution.resolve(agent, lookup);
    if (resolution.isResolved()) {
      Tenant tenant = resolution.tenant();
      lookup
          .region(tenant.getSpec().getRegion())
          .ifPresent(region -> audit.recordDeleted(tenant, region, agent));
    }
    return DeleteControl.defaultDelete();
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
