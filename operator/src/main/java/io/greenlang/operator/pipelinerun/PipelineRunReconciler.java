package io.greenlang.operator.pipelinerun;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.crds.tenant.Tenant;
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
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The orchestrator: admits a PipelineRun (Pipeline valid, Tenant ready, a concurrent-run slot
 * free), then drives it pass by pass ({@link RunExecution}) — each pass triggered by a result on
 * the run's stream ({@link RunResultEventSource}), a change of the run, or the next deadline — and
 * records everything in the run's status. A finished run is cleaned up once and left alone.
 */
@ControllerConfiguration(name = "pipelinerun")
public class PipelineRunReconciler implements Reconciler<PipelineRun> {
  private static final Logger LOG = Logger.getLogger(PipelineRunReconciler.class);

  private final KubernetesClient client;
  private final EventRecorder events;
  private final PipelineRunSettings settings;
  private final RunExecution execution;
  private final RunCleanup cleanup;
  private final TenantRunSlots slots;
  private final StepBusConnections connections;
  private final PipelineRunMetrics metrics;
  private InformerEventSource<Pipeline, PipelineRun> pipelines;
  private InformerEventSource<Tenant, PipelineRun> tenants;
  private RunResultEventSource results;
  private RunQueue queue;

  public PipelineRunReconciler(
      KubernetesClient client,
      EventRecorder events,
      PipelineRunSettings settings,
      RunExecution execution,
      RunCleanup cleanup,
      TenantRunSlots slots,
      StepBusConnections connections,
      PipelineRunMetrics metrics) {
    this.client = client;
    this.events = events;
    this.settings = settings;
    this.execution = execution;
    this.cleanup = cleanup;
    this.slots = slots;
    this.connections = connections;
    this.metrics = metrics;
  }

  /**
   * A Pipeline or Tenant change wakes the runs waiting for it; results arrive through their own
   * event source; a freed slot wakes queued runs through an inbound event source.
   */
  @Override
  public List<EventSource<?, PipelineRun>> prepareEventSources(
      EventSourceContext<PipelineRun> context) {
    var runs = context.getPrimaryCache();
    runs.addIndexer(RunQueue.TENANT_INDEX, RunQueue::tenantOf);
    pipelines =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Pipeline.class, PipelineRun.class)
                .withSecondaryToPrimaryMapper(
                    pipeline ->
                        runs.list(pipeline.getMetadata().getNamespace())
                            .filter(r -> !started(r))
                            .filter(
                                r ->
                                    pipeline
                                        .getMetadata()
                                        .getName()
                                        .equals(r.getSpec().getPipelineRef().getName()))
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .build(),
            context);
    tenants =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Tenant.class, PipelineRun.class)
                .withSecondaryToPrimaryMapper(
                    tenant ->
                        runs.byIndex(RunQueue.TENANT_INDEX, tenant.getMetadata().getName()).stream()
                            .filter(r -> !started(r))
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .build(),
            context);
    SimpleInboundEventSource<PipelineRun> wakeups = new SimpleInboundEventSource<>("run-queue");
    queue = new RunQueue(runs, slots, wakeups, client);
    results = new RunResultEventSource(connections, settings.resultReadBlock(), this::deleted);
    return List.of(pipelines, tenants, results, wakeups);
  }

  @Override
  public UpdateControl<PipelineRun> reconcile(PipelineRun run, Context<PipelineRun> context) {
    Instant now = Instant.now();
    PipelineRunStatus stored = run.getStatus();
    if (stored != null && PipelineRunStatusAggregator.FINISHED.contains(stored.getPhase())) {
      finished(run, now);
      return UpdateControl.noUpdate();
    }
    PipelineRunStatus status =
        stored == null
            ? new PipelineRunStatus()
            : BusJson.MAPPER.convertValue(stored, PipelineRunStatus.class);
    Condition previous = status.condition(PipelineRunStatus.SUCCEEDED).orElse(null);
    Long generation = run.getMetadata().getGeneration();
    if (!started(run)) {
      admit(run, status, previous, generation, now);
    }
    if (status.getPhase() == RunPhase.Running || status.getPhase() == RunPhase.Compensating) {
      Tenant tenant =
          tenant(status.getTenant())
              .orElseThrow(
                  () -> new IllegalStateException("Tenant " + status.getTenant() + " not found"));
      execution.advance(run, status, tenant, results, now);
      PipelineRunStatusAggregator.started(status, previous, generation, now);
    }
    metrics.phase(ResourceID.fromResource(run), status.getPhase());
    if (PipelineRunStatusAggregator.FINISHED.contains(status.getPhase())) {
      run.setStatus(status);
      finished(run, now);
    }
    UpdateControl<PipelineRun> control;
    if (StatusChange.differs(stored, status)) {
      run.setStatus(status);
      control = UpdateControl.patchStatus(run);
    } else {
      control = UpdateControl.noUpdate();
    }
    Optional<Duration> wakeUp = RunWakeUp.next(status, run, now, settings);
    LOG.debugf(
        "PipelineRun %s/%s: %s (%s), wake up in %s",
        run.getMetadata().getNamespace(),
        run.getMetadata().getName(),
        status.getPhase(),
        status.getProgress(),
        wakeUp.orElse(null));
    return wakeUp.map(control::rescheduleAfter).orElse(control);
  }

  @Override
  public ErrorStatusUpdateControl<PipelineRun> updateErrorStatus(
      PipelineRun run, Context<PipelineRun> context, Exception error) {
    String message =
        "Reconcile failed: " + error.getClass().getSimpleName() + ": " + error.getMessage();
    LOG.warnf(
        error,
        "PipelineRun %s/%s: %s",
        run.getMetadata().getNamespace(),
        run.getMetadata().getName(),
        message);
    events.record(run, EventReason.ReconcileError, message);
    boolean retriesLeft = context.getRetryInfo().map(retry -> !retry.isLastAttempt()).orElse(false);
    if (retriesLeft) {
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    // Out of quick retries (Redis or the API server down for a while): look again later, since a
    // run whose tasks were never published gets no result event to wake it.
    return ErrorStatusUpdateControl.<PipelineRun>noStatusUpdate()
        .withNoRetry()
        .rescheduleAfter(settings.queueRecheckInterval());
  }

  /** Before the start: cancelled, waiting, refused, queued, or started now. */
  private void admit(
      PipelineRun run, PipelineRunStatus status, Condition previous, Long generation, Instant now) {
    RunPhase before = status.getPhase();
    if (RunExecution.cancellation(run) != null) {
      status.setStopReason(StopReason.Cancelled.name());
      status.setStopMessage(RunExecution.cancellation(run) + " before it started");
      PipelineRunStatusAggregator.endedBeforeStart(
          status,
          previous,
          RunPhase.Cancelled,
          StopReason.Cancelled.name(),
          status.getStopMessage(),
          generation,
          now);
      events.record(run, EventReason.RunCancelled, status.getStopMessage());
      metrics.runFinished(RunPhase.Cancelled);
      return;
    }
    RunAdmission.Decision decision =
        new RunAdmission(
                name -> pipelines.get(new ResourceID(name, run.getMetadata().getNamespace())),
                this::tenant,
                new RunInputData(client, run))
            .decide(run, status);
    if (decision instanceof RunAdmission.Wait wait) {
      PipelineRunStatusAggregator.waiting(
          status, previous, RunPhase.Pending, wait.reason(), wait.message(), generation, now);
      if (before != RunPhase.Pending
          || previous == null
          || !wait.reason().equals(previous.getReason())) {
        events.record(run, EventReason.RunWaiting, wait.message());
      }
    } else if (decision instanceof RunAdmission.Refuse refuse) {
      PipelineRunStatusAggregator.endedBeforeStart(
          status, previous, RunPhase.Failed, refuse.reason(), refuse.message(), generation, now);
      events.record(run, EventReason.RunFailed, refuse.message());
      metrics.runFinished(RunPhase.Failed);
    } else if (decision instanceof RunAdmission.Admit admit) {
      Optional<TenantRunSlots.Queued> queued = queue.admit(run, status, admit.tenant());
      if (queued.isPresent()) {
        PipelineRunStatusAggregator.waiting(
            status,
            previous,
            RunPhase.Queued,
            queued.get().reason(),
            queued.get().message(),
            generation,
            now);
        if (before != RunPhase.Queued) {
          events.record(run, EventReason.RunQueued, queued.get().message());
        }
        return;
      }
      start(run, status, now);
    }
  }

  private void start(PipelineRun run, PipelineRunStatus status, Instant now) {
    status.setPhase(RunPhase.Running);
    status.setStartTime(RunTimes.format(now));
    List<StepStatus> steps = new ArrayList<>();
    for (PipelineStep step : status.getPipelineSpec().getSteps()) {
      StepStatus record = new StepStatus();
      record.setName(step.getName());
      record.setPhase(RunPhase.Pending);
      record.setAttempts(0);
      steps.add(record);
    }
    status.setSteps(steps);
    events.record(
        run,
        EventReason.RunStarted,
        "started "
            + steps.size()
            + " steps of Pipeline "
            + run.getSpec().getPipelineRef().getName()
            + " ("
            + status.getPipelineSpec().getPattern()
            + ") for tenant "
            + status.getTenant());
  }

  private void finished(PipelineRun run, Instant now) {
    results.unwatch(ResourceID.fromResource(run));
    Instant ended =
        Optional.ofNullable(RunTimes.parse(run.getStatus().getCompletionTime())).orElse(now);
    cleanup.cleanUp(run, tenant(run.getStatus().getTenant()), queue, ended);
  }

  /** A deleted run: its dispatch stops, its slot frees, its stream expires. */
  private void deleted(PipelineRun run) {
    String tenant = run.getStatus() == null ? null : run.getStatus().getTenant();
    cleanup.cleanUp(run, tenant(tenant), queue, Instant.now());
  }

  private Optional<Tenant> tenant(String name) {
    return name == null ? Optional.empty() : tenants.get(new ResourceID(name));
  }

  /** Whether the run has left the waiting phases. */
  private static boolean started(PipelineRun run) {
    PipelineRunStatus status = run.getStatus();
    return status != null
        && status.getPhase() != null
        && !Set.of(RunPhase.Pending, RunPhase.Queued).contains(status.getPhase());
  }
}
