package io.greenlang.operator.pipelinerun;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.operator.events.EventRecorder;
import io.greenlang.operator.pipeline.StepGraph;
import io.greenlang.operator.region.RedisEndpoint;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One pass over a started run against its tenant's Redis: reads the run's results, lets {@link
 * RunProgress} decide, publishes through a {@link StepDispatcher}, turns the pass's trail into
 * Events and metrics, and registers the run's result stream with the event source while it waits.
 */
@ApplicationScoped
public class RunExecution {
  private final KubernetesClient client;
  private final TenantBusServers servers;
  private final StepBusConnections connections;
  private final RunResultStream resultStream;
  private final DispatchLedger ledger;
  private final PipelineRunSettings settings;
  private final PipelineRunMetrics metrics;
  private final EventRecorder events;

  public RunExecution(
      KubernetesClient client,
      TenantBusServers servers,
      StepBusConnections connections,
      RunResultStream resultStream,
      DispatchLedger ledger,
      PipelineRunSettings settings,
      PipelineRunMetrics metrics,
      EventRecorder events) {
    this.client = client;
    this.servers = servers;
    this.connections = connections;
    this.resultStream = resultStream;
    this.ledger = ledger;
    this.settings = settings;
    this.metrics = metrics;
    this.events = events;
  }

  /** Advances the run (its status changed in place) and watches its results while it runs. */
  void advance(
      PipelineRun run,
      PipelineRunStatus status,
      Tenant tenant,
      RunResultEventSource watch,
      Instant now) {
    String tenantName = status.getTenant();
    String uid = run.getMetadata().getUid();
    RedisEndpoint endpoint = servers.of(tenant);
    RunResultStream.Read read = resultStream.read(endpoint, tenantName, uid);
    Map<String, StepStatus> steps = StepPhases.byName(status);
    RunValues values =
        new RunValues(
            RunAdmission.effectiveParams(run, status.getPipelineSpec()),
            new RunInputData(client, run),
            step -> outputs(read.results(), steps.get(step)));
    StepDispatcher dispatcher =
        new StepDispatcher(
            run,
            tenantName,
            connections.commands(endpoint),
            name -> agent(run, tenantName, name),
            values,
            ledger,
            settings.compensationTimeout());
    RunPass pass =
        new RunPass(
            status,
            new StepGraph(status.getPipelineSpec()),
            now,
            new RetryBackoff(settings.retryBaseDelay(), settings.retryMaxDelay()),
            dispatcher,
            values);
    Instant deadline = deadline(run, status);
    new RunProgress(pass).advance(read.results(), cancellation(run), deadline);
    record(run, pass.trail);
    ResourceID id = ResourceID.fromResource(run);
    if (PipelineRunStatusAggregator.FINISHED.contains(status.getPhase())) {
      watch.unwatch(id);
      return;
    }
    if (!read.results().isEmpty()) {
      resultStream.expireAt(endpoint, tenantName, uid, deadline.plus(settings.resultRetention()));
    }
    watch.watch(id, endpoint, StepStreams.results(tenantName, uid), read.lastId());
  }

  /** When the whole run times out: its start plus its timeout, else its Pipeline's. */
  static Instant deadline(PipelineRun run, PipelineRunStatus status) {
    Integer seconds = run.getSpec().getTimeoutSeconds();
    if (seconds == null) {
      seconds = status.getPipelineSpec().getTimeoutSeconds();
    }
    return RunTimes.parse(status.getStartTime())
        .plus(Duration.ofSeconds(seconds == null ? 3600 : seconds));
  }

  /** Why the run is cancelled, or null. */
  static String cancellation(PipelineRun run) {
    if (!Boolean.TRUE.equals(run.getSpec().getCancelled())) {
      return null;
    }
    String replacedBy =
        run.getMetadata().getAnnotations() == null
            ? null
            : run.getMetadata().getAnnotations().get(RunQueue.REPLACED_BY);
    return replacedBy != null
        ? "replaced by run " + replacedBy + " (concurrencyPolicy Replace)"
        : "cancelled (spec.cancelled is true)";
  }

  /** The outputs of the step's succeeded attempt. */
  private static JsonNode outputs(List<StepResult> results, StepStatus step) {
    if (step == null) {
      return null;
    }
    for (StepResult result : results) {
      if (!result.compensation()
          && result.outcome() == StepResult.Outcome.SUCCEEDED
          && result.step().equals(step.getName())
          && Objects.equals(result.attempt(), step.getAttempts())) {
        return BusJson.tree(result.outputs() == null ? Map.of() : result.outputs());
      }
    }
    return null;
  }

  /** The Agent in the run's namespace, if it belongs to the run's tenant. */
  private Optional<Agent> agent(PipelineRun run, String tenant, String name) {
    String namespace = run.getMetadata().getNamespace();
    Agent agent = client.resources(Agent.class).inNamespace(namespace).withName(name).get();
    if (agent == null) {
      return Optional.empty();
    }
    boolean shared = TenantNames.SHARED_NAMESPACE.equals(namespace);
    boolean ours =
        !shared || (agent.getSpec() != null && tenant.equals(agent.getSpec().getTenant()));
    return ours ? Optional.of(agent) : Optional.empty();
  }

  private void record(PipelineRun run, RunTrail trail) {
    trail.events.forEach(e -> events.record(run, e.reason(), e.message()));
    trail.attemptOutcomes.forEach(metrics::attempt);
    trail.finishedSteps.forEach(s -> metrics.stepFinished(s.phase(), s.duration()));
    if (trail.compensationsStarted > 0) {
      metrics.compensationsStarted(trail.compensationsStarted);
    }
    long now = System.nanoTime();
    String uid = run.getMetadata().getUid();
    for (String taskId : trail.appliedTaskIds) {
      ledger
          .find(uid, taskId)
          .filter(d -> d.nanos() != DispatchLedger.UNKNOWN_NANOS)
          .ifPresent(d -> metrics.dispatchLatency(Duration.ofNanos(now - d.nanos())));
    }
    if (trail.finished != null) {
      metrics.runFinished(trail.finished);
    }
  }
}
