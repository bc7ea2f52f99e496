package io.greenlang.operator.pipeline;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipeline.PipelineLastRun;
import io.greenlang.crds.pipeline.PipelineStatus;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.operator.cache.AgentReferences;
import io.greenlang.operator.events.EventReason;
import io.greenlang.operator.events.EventRecorder;
import io.greenlang.operator.status.StatusChange;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Validates each Pipeline's DAG ({@link PipelineValidation}) against the Agents of its namespace
 * and tenant, and reports conditions Ready and Valid, the step count and the most recent run. An
 * Agent appearing or going, or a run of the Pipeline changing its outcome, re-checks it at once.
 */
@ControllerConfiguration(name = "pipeline")
public class PipelineReconciler implements Reconciler<Pipeline> {
  private static final Logger LOG = Logger.getLogger(PipelineReconciler.class);

  private final EventRecorder events;
  private InformerEventSource<Agent, Pipeline> agents;
  private InformerEventSource<PipelineRun, Pipeline> runs;

  public PipelineReconciler(EventRecorder events) {
    this.events = events;
  }

  @Override
  public List<EventSource<?, Pipeline>> prepareEventSources(EventSourceContext<Pipeline> context) {
    // Only names and spec.tenant are read: the cache keeps Agent references, not whole Agents.
    agents =
        new InformerEventSource<>(
            AgentReferences.referencesOnly(
                    InformerEventSourceConfiguration.from(Agent.class, Pipeline.class)
                        .withSecondaryToPrimaryMapper(
                            agent ->
                                context
                                    .getPrimaryCache()
                                    .list(agent.getMetadata().getNamespace())
                                    .map(ResourceID::fromResource)
                                    .collect(Collectors.toSet()))
                        .withOnUpdateFilter(PipelineReconciler::generationChanged),
                    context)
                .build(),
            context);
    runs =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(PipelineRun.class, Pipeline.class)
                .withSecondaryToPrimaryMapper(
                    run ->
                        run.getSpec() == null || run.getSpec().getPipelineRef() == null
                            ? Set.of()
                            : Set.of(
                                new ResourceID(
                                    run.getSpec().getPipelineRef().getName(),
                                    run.getMetadata().getNamespace())))
                .withOnUpdateFilter(
                    (updated, old) ->
                        !Objects.equals(
                            PipelineStatusAggregator.lastRun(List.of(updated))
                                .map(PipelineReconciler::outcome),
                            PipelineStatusAggregator.lastRun(List.of(old))
                                .map(PipelineReconciler::outcome)))
                .build(),
            context);
    return List.of(agents, runs);
  }

  @Override
  public UpdateControl<Pipeline> reconcile(Pipeline pipeline, Context<Pipeline> context) {
    String namespace = pipeline.getMetadata().getNamespace();
    List<PipelineProblem> problems =
        PipelineValidation.validate(namespace, pipeline.getSpec(), agentNames(pipeline));
    List<PipelineRun> ownRuns =
        runs.list(
                namespace,
                r ->
                    r.getSpec() != null
                        && r.getSpec().getPipelineRef() != null
                        && pipeline
                            .getMetadata()
                            .getName()
                            .equals(r.getSpec().getPipelineRef().getName()))
            .toList();
    PipelineStatus computed =
        PipelineStatusAggregator.aggregate(pipeline, problems, ownRuns, Instant.now());
    recordValidity(pipeline, pipeline.getStatus(), computed);
    if (!StatusChange.differs(pipeline.getStatus(), computed)) {
      return UpdateControl.noUpdate();
    }
    pipeline.setStatus(computed);
    return UpdateControl.patchStatus(pipeline);
  }

  @Override
  public ErrorStatusUpdateControl<Pipeline> updateErrorStatus(
      Pipeline pipeline, Context<Pipeline> context, Exception error) {
    String message =
        "Reconcile failed: " + error.getClass().getSimpleName() + ": " + error.getMessage();
    LOG.warnf(
        error,
        "Pipeline %s/%s: %s",
        pipeline.getMetadata().getNamespace(),
        pipeline.getMetadata().getName(),
        message);
    events.record(pipeline, EventReason.ReconcileError, message);
    return ErrorStatusUpdateControl.defaultErrorProcessing();
  }

  /**
   * The Agents the Pipeline may use: those of its namespace, and in the shared namespace those of
   * its tenant.
   */
  private Set<String> agentNames(Pipeline pipeline) {
    String namespace = pipeline.getMetadata().getNamespace();
    String tenant = pipeline.getSpec().getTenant();
    boolean shared = TenantNames.SHARED_NAMESPACE.equals(namespace);
    return agents
        .list(
            namespace,
            agent ->
                !shared
                    || (agent.getSpec() != null
                        && Objects.equals(tenant, agent.getSpec().getTenant())))
        .map(agent -> agent.getMetadata().getName())
        .collect(Collectors.toSet());
  }

  /** An Event when the Pipeline becomes valid, or invalid for a new reason or message. */
  private void recordValidity(Pipeline pipeline, PipelineStatus before, PipelineStatus after) {
    Condition now = after.condition(PipelineStatus.VALID).orElseThrow();
    Optional<Condition> was =
        before == null ? Optional.empty() : before.condition(PipelineStatus.VALID);
    boolean changed =
        was.isEmpty()
            || was.get().getStatus() != now.getStatus()
            || !Objects.equals(was.get().getMessage(), now.getMessage());
    if (changed) {
      events.record(
          pipeline,
          now.isTrue() ? EventReason.PipelineValid : EventReason.PipelineInvalid,
          now.getMessage());
    }
  }

  private static List<String> outcome(PipelineLastRun run) {
    return Arrays.asList(run.getSucceeded(), run.getCompletionTime());
  }

  private static boolean generationChanged(HasMetadata updated, HasMetadata old) {
    return !Objects.equals(
        updated.getMetadata().getGeneration(), old.getMetadata().getGeneration());
  }
}
